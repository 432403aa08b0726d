// oracle: rule=no-unremoved-listener site=8:3 entry=request expect=no-leak
// Each request waits once for a 'ready' that the module emits a moment later:
// `once` listeners that do fire leave nothing behind.
const EventEmitter = require('events');
const bus = new EventEmitter();
function request(id) {
  setTimeout(() => bus.emit('ready', id), 10);
  bus.once('ready', () => {});
}
module.exports = { request };
