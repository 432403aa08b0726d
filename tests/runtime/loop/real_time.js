// `leaklint run --real-time`: a 30 ms timer waits for the real clock, then
// the program exits with code 7 (prints as Node 20 does).
const t0 = Date.now();
console.log('start');
setTimeout(() => {
  console.log('waited', Date.now() - t0 >= 29);
  process.exit(7);
}, 30);
setTimeout(() => console.log('never'), 5000);
