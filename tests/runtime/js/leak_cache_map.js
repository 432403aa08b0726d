const cache = new Map();
function handle(req) {
// survivors: 30 Object from here
  const entry = { req, at: req * 2 };
  cache.set('user:' + req, entry);
  return entry.at;
}
for (let i = 0; i < 30; i++) handle(i);
console.log(cache.size);
// survivors: 1 Map
// expect-output: 30
