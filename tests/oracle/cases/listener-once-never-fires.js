// oracle: rule=no-unremoved-listener site=10:3 entry=queueWrite expect=leaks
// once('drain') per write on a module-level stream stand-in that never emits 'drain'.
const EventEmitter = require('events');

const output = new EventEmitter();
const pending = { writes: 0 };

function queueWrite(chunk, done) {
  pending.writes++;
  output.once('drain', () => done(chunk));
  return pending.writes;
}

module.exports = { queueWrite };
