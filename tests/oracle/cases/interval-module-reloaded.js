// oracle: rule=no-uncleared-interval site=5:20 entry=module expect=leaks
// A metrics module starts its flush interval at load; every reload (hot reload, re-require) starts another.
const counters = new Map();

const flushTimer = setInterval(() => {
  counters.clear();
}, 1000);

function count(name) {
  counters.set(name, (counters.get(name) || 0) + 1);
}

module.exports = { count, stop: () => clearInterval(flushTimer) };
