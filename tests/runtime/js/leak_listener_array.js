const listeners = [];
function onEvent(i) {
// survivors: 50 Closure from here
  listeners.push(function handler() { return i; });
}
for (let i = 0; i < 50; i++) onEvent(i);
console.log(listeners.length);
// expect-output: 50
