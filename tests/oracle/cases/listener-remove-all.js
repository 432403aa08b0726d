// oracle: rule=no-unremoved-listener site=8:3 entry=runJob expect=no-leak
// A module-level job emitter: listeners are added per run and all removed when the run finishes.
const EventEmitter = require('events');

const job = new EventEmitter();

function runJob(report) {
  job.on('progress', (pct) => report.progress(pct));
  job.on('done', () => report.done());
  job.emit('progress', 50);
  job.emit('done');
  job.removeAllListeners();
}

module.exports = { runJob };
