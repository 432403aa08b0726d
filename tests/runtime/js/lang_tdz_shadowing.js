// TDZ errors, shadowing and per-iteration bindings.
function tdz(f) { try { return String(f()); } catch (e) { return e.constructor.name; } }
console.log(tdz(() => { x; let x = 1; return x; }));
console.log(tdz(() => { typeof y; const y = 2; return y; }));
console.log(tdz(() => { let z = z + 1; return z; }));
console.log(tdz(() => { const f = () => w; const r = tdz(f); let w = 3; return r + ':' + f(); }));
console.log(tdz(() => { class A extends (B = 1, Object) {} var B; return typeof A; }));
console.log(tdz(() => { function g(a = 1, b = a + 1) { return a + b; } return g(); }));
const fs1 = []; for (let i = 0; i < 3; i++) fs1.push(() => i); console.log(fs1.map((f) => f()).join());
const fs2 = []; for (var j = 0; j < 3; j++) fs2.push(() => j); console.log(fs2.map((f) => f()).join());
const fs3 = []; for (const k in { a: 1, b: 2 }) fs3.push(() => k); console.log(fs3.map((f) => f()).join());
const fs4 = []; for (const v of [7, 8]) fs4.push(() => v); console.log(fs4.map((f) => f()).join());
const fs5 = []; for (let i = 0; i < 3; i++) { fs5.push(() => i); i++; } console.log(fs5.map((f) => f()).join());
let s = 'outer'; function sh() { let s = 'inner'; { const s = 'block'; } return s; } console.log(sh(), s);
function param(a) { var a; return a; } console.log(param(5));
function param2(a) { { let a = 9; } return a; } console.log(param2(4));
try { (() => { const c = 1; c = 2; })(); } catch (e) { console.log(e.constructor.name); }
console.log(tdz(() => { switch (1) { case 0: let q = 1; case 1: return q; } }));
var hoisted = typeof later; function later() {} console.log(hoisted);
{ function blockFn() { return 'bf'; } } console.log(typeof blockFn);
// expect-output: ReferenceError
// expect-output: ReferenceError
// expect-output: ReferenceError
// expect-output: ReferenceError:3
// expect-output: function
// expect-output: 3
// expect-output: 0,1,2
// expect-output: 3,3,3
// expect-output: a,b
// expect-output: 7,8
// expect-output: 1,3
// expect-output: inner outer
// expect-output: 5
// expect-output: 4
// expect-output: TypeError
// expect-output: ReferenceError
// expect-output: function
// expect-output: function
