// oracle: rule=no-uncleared-interval site=6:32 entry=module expect=no-leak
// A reload-safe module: it clears the interval left by its previous evaluation before starting its own.
const stats = { flushes: 0 };

if (globalThis.__statsFlushTimer) clearInterval(globalThis.__statsFlushTimer);
globalThis.__statsFlushTimer = setInterval(() => {
  stats.flushes++;
}, 1000);

module.exports = { stats };
