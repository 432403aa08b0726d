// oracle: rule=no-unremoved-listener site=8:3 entry=whenReady expect=no-leak
// once('ready') on a module-level emitter, and the program emits 'ready': the listener removes itself.
const EventEmitter = require('events');

const boot = new EventEmitter();

function whenReady(task) {
  boot.once('ready', () => task.run());
  boot.emit('ready');
}

module.exports = { whenReady };
