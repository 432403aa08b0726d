// oracle: rule=no-unremoved-listener site=6:3 entry=fetchWithCleanup expect=no-leak
// An 'abort' listener on a per-call AbortSignal: controller, signal and listener die with the call.
function fetchWithCleanup(url, cache) {
  const controller = new AbortController();
  const key = String(url);
  controller.signal.addEventListener('abort', () => cache.delete(key));
  cache.set(key, controller);
  return key;
}

module.exports = { fetchWithCleanup };
