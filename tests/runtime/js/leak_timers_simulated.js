const timers = new Set();
function fakeSetInterval(fn) { timers.add(fn); return fn; }
function start(i) {
// survivors: 10 Closure from here
  fakeSetInterval(() => i);
}
for (let i = 0; i < 10; i++) start(i);
console.log(timers.size);
// expect-output: 10
