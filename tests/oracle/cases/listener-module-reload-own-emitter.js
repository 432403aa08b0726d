// oracle: rule=no-unremoved-listener site=8:1 entry=module expect=no-leak
// A module-level listener on the module's own emitter: a reload makes a new emitter, the old one is garbage.
const EventEmitter = require('events');

const events = new EventEmitter();
const log = [];

events.on('audit', (entry) => log.push(entry));

module.exports = { audit: (entry) => events.emit('audit', entry) };
