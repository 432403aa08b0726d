// oracle: rule=no-implicit-global site=4:3 entry=remember expect=leaks
// An undeclared cache object: keys go onto the cache, not onto the global object (one name only).
function remember(key, value) {
  responseCache = typeof responseCache === 'object' ? responseCache : {};
  responseCache['k' + key] = value;
}

module.exports = { remember };
