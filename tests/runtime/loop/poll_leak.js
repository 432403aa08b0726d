// `leaklint run --entry start --calls 3`: every call starts a poller whose
// named callback fills an array that stays alive through the interval, adds
// a listener to a module-level emitter, keeps a 1000-byte Buffer and sets
// two globals (one by a sloppy assignment).
const EventEmitter = require('events');
const bus = new EventEmitter();
const kept = [];
function start() {
  const seen = [];
  function onTick() {
    for (let i = 0; i < 100; i++) seen.push({ i });
  }
  setInterval(onTick, 500);
  bus.on('data', onTick);
  kept.push(Buffer.alloc(1000));
  Buffer.alloc(5000); // garbage: not external memory after a collection
  globalThis.lastStart = Date.now();
  startCount = (typeof startCount === 'number' ? startCount : 0) + 1;
}
module.exports = { start };
