// Parentheses keep a call's receiver: (a.m)() and (a?.m)() call with this = a,
// and end an optional chain: (null?.m)() is a TypeError.
const a = { v: 7, m() { return this && this.v; } };
console.log((a.m)(), (a?.m)(), (a?.['m'])(), ((a.m))(), (0, a.m)());
const n = null;
try { (n?.m)(); } catch (e) { console.log(e.constructor.name); }
console.log(n?.m(), a.x?.(), (a.m)?.());
// expect-output: 7 7 7 7 undefined
// expect-output: TypeError
// expect-output: undefined undefined 7
