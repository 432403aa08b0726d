// oracle: rule=no-implicit-global site=5:1 entry=module expect=leaks
// A module registers itself on the global object under a timestamped name at every load.
const instanceName = 'metricsModule_' + Date.now();

globalThis[instanceName] = { loadedAt: Date.now() };

module.exports = { instanceName };
