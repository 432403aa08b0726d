// oracle: rule=no-unremoved-listener site=12:5 entry=getRoom expect=no-leak
// A bounded cache of room emitters: a listener is added only when a room is created, and the
// cache evicts the oldest room beyond three.
const EventEmitter = require('events');

const rooms = new Map();

function getRoom(id, log) {
  const key = 'room:' + (Number(id) % 4);
  if (!rooms.has(key)) {
    const room = new EventEmitter();
    room.on('message', (text) => log.write(text));
    rooms.set(key, room);
    if (rooms.size > 3) rooms.delete(rooms.keys().next().value);
  }
  return rooms.get(key);
}

module.exports = { getRoom };
