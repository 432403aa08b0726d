'use strict';
// Request counters, printed and reset once a minute.
const counters = { requests: 0, errors: 0 };

function count(name) {
  if (name in counters) counters[name] += 1;
}

// Done right: a module-level interval (started once) that is cleared at
// shutdown, and unref'd so that it never keeps the process alive.
const flushTimer = setInterval(() => {
  console.log(JSON.stringify(counters));
  counters.requests = 0;
  counters.errors = 0;
}, 60000);
flushTimer.unref();
process.once('SIGTERM', () => clearInterval(flushTimer));

module.exports = { count };
