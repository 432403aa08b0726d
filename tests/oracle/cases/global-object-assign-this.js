// oracle: rule=no-implicit-global site=4:3 entry=exportPlugin expect=leaks
// A plugin loader copies each plugin onto sloppy `this`, which is the global object.
function exportPlugin(pluginName, plugin) {
  Object.assign(this, { ['plugin_' + pluginName]: plugin });
}

module.exports = { exportPlugin };
