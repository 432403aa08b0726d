// oracle: rule=no-uncleared-interval site=4:20 entry=runBatch expect=no-leak
// A batch job shows progress with an interval while it works and clears it before returning.
function runBatch(items, log) {
  const progress = setInterval(() => log.info('working'), 200);
  let total = 0;
  for (const item of items) total += Number(item);
  clearInterval(progress);
  return total;
}

module.exports = { runBatch };
