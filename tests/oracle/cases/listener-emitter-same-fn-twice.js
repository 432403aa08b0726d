// oracle: rule=no-unremoved-listener site=13:3 entry=startWorker expect=leaks
// The same module-level function is added to an EventEmitter per call: EventEmitter keeps every copy.
const EventEmitter = require('events');

const clock = new EventEmitter();
let ticks = 0;

function onTick() {
  ticks++;
}

function startWorker(worker) {
  clock.on('tick', onTick);
  worker.start();
  return ticks;
}

module.exports = { startWorker };
