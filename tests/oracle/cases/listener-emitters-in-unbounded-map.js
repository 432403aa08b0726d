// oracle: rule=no-unremoved-listener site=10:3 entry=joinRoom expect=leaks
// A per-user emitter with its listener goes into a module Map keyed by user id, never evicted.
const EventEmitter = require('events');

const channels = new Map();

function joinRoom(user, socket) {
  const key = 'user:' + user;
  const channel = new EventEmitter();
  channel.on('message', (text) => socket.send(text));
  channels.set(key, channel);
  return channels.size;
}

module.exports = { joinRoom };
