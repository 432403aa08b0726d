// `leaklint run --entry start --calls 10`: each interval clears itself after
// three ticks, so no timer and no closure survives.
function start() {
  const buffer = new Array(64).fill(0);
  let ticks = 0;
  const handle = setInterval(() => {
    buffer[0]++;
    if (++ticks === 3) clearInterval(handle);
  }, 100);
}
