// `leaklint run --entry start --calls 10`: every call starts an interval that
// is never cleared, so 10 timers (and their closures) survive.
const samples = [];
function start() {
  const buffer = new Array(64).fill(0);
  setInterval(() => {
    buffer[0]++;
    samples.length = 0;
  }, 1000);
}
module.exports = { start };
