function f() { return g(); function g() { return 'hoisted'; } }
console.log(f());
const fns = {}; for (const name of ['a', 'b']) fns[name] = () => name; console.log(fns.a(), fns.b());
let shadow = 'outer'; { let shadow = 'inner'; console.log(shadow); } console.log(shadow);
try { throw 1; } catch { console.log('optional catch binding'); }
var v = 1; { var v = 2; } console.log(v);
const obj = { method() { return typeof method; } }; console.log(obj.method());
console.log(typeof undeclaredThing, (function () { 'use strict'; return this; })());
switch (1) { case 1: { let inCase = 'case-scope'; console.log(inCase); } }
// expect-output: hoisted
// expect-output: a b
// expect-output: inner
// expect-output: outer
// expect-output: optional catch binding
// expect-output: 2
// expect-output: undefined
// expect-output: undefined undefined
// expect-output: case-scope
