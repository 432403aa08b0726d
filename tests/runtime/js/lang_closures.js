function counter() { let n = 0; return { inc: () => ++n, get: () => n }; }
const c1 = counter(), c2 = counter();
c1.inc(); c1.inc(); c2.inc();
console.log(c1.get(), c2.get());
const fns = [];
for (let i = 0; i < 3; i++) fns.push(() => i);
console.log(fns.map(f => f()).join(","));
var vfns = [];
for (var j = 0; j < 3; j++) vfns.push(() => j);
console.log(vfns.map(f => f()).join(","));
const adder = x => y => x + y;
console.log(adder(2)(3));
function outer() { const x = 'outer'; function inner() { return x; } return inner; }
console.log(outer()());
// expect-output: 2 1
// expect-output: 0,1,2
// expect-output: 3,3,3
// expect-output: 5
// expect-output: outer
