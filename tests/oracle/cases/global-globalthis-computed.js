// oracle: rule=no-implicit-global site=5:3 entry=cacheResponse expect=leaks
// An explicit globalThis cache keyed by URL: one global name per distinct request.
function cacheResponse(url, body) {
  const key = '__response_' + url;
  globalThis[key] = { body, storedAt: Date.now() };
  return key;
}

module.exports = { cacheResponse };
