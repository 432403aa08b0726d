const refs = [];
function make(i) {
// survivors: 0 Object from here
  const target = { i, payload: new Array(4).fill(i) };
  refs.push(new WeakRef(target));
  return target.i;
}
let sum = 0;
for (let i = 0; i < 50; i++) sum += make(i);
const kept = [];
function keep(i) {
// survivors: 5 Object from here
  const o = { i };
  kept.push(o);
  return new WeakRef(o);
}
const kr = [];
for (let i = 0; i < 5; i++) kr.push(keep(i));
console.log(sum, refs.length, kr.every((r) => r.deref() !== undefined));
const wm = new WeakMap();
function attach(i) {
// survivors: 0 Array from here
  const k = { i }; wm.set(k, [k, i]);
}
for (let i = 0; i < 20; i++) attach(i);
const ws = new WeakSet(); const live = { live: true }; ws.add(live); console.log(ws.has(live));
// expect-output: 1225 50 true
// expect-output: true
