// Sloppy code: writes [[Set]] refuses do nothing and throw nothing.
const f = Object.freeze({ a: 1 });
f.a = 2; f.b = 3;
const g = { get x() { return 1; } }; g.x = 5;
const ro = {}; Object.defineProperty(ro, 'k', { value: 1, writable: false }); ro.k++;
'abc'.x = 1;
console.log(f.a, f.b, g.x, ro.k, 'abc'.x);
// A strict function called from sloppy code still throws.
function strictWrite(o) { 'use strict'; o.a = 9; }
try { strictWrite(f); } catch (e) { console.log('strict callee', e.constructor.name); }
// expect-output: 1 undefined 1 1 undefined
// expect-output: strict callee TypeError
