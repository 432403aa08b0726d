// oracle: rule=no-unremoved-listener site=8:3 entry=handleNotify expect=leaks
// Every request subscribes an inline listener to a module-level bus and never unsubscribes.
const EventEmitter = require('events');

const updates = new EventEmitter();

function handleNotify(req, res) {
  updates.on('notify', (message) => res.write(`${message}\n`));
  res.write('subscribed\n');
}

function publish(message) {
  updates.emit('notify', message);
}

module.exports = { handleNotify, publish };
