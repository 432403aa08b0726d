// A Map-heavy LRU cache: set, get, and evict the oldest key.
var cache = new Map();
var hits = 0;
for (var i = 0; i < 300000; i++) {
  var k = 'k' + (i % 5000);
  if (cache.has(k)) { hits++; var v = cache.get(k); cache.delete(k); cache.set(k, v); }
  else { cache.set(k, { v: i }); if (cache.size > 1000) cache.delete(cache.keys().next().value); }
}
console.log(hits, cache.size);
