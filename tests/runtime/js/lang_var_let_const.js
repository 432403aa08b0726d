var a = 1; let b = 2; const c = 3;
console.log(a + b + c);
{ let b = 20; console.log(b); }
console.log(b);
function f() { return typeof hoisted; var hoisted = 1; }
console.log(f());
try { tdz; let tdz = 1; } catch (e) { console.log(e.name, e.message); }
try { c = 4; } catch (e) { console.log(e.name); }
var a; console.log(a);
// expect-output: 6
// expect-output: 20
// expect-output: 2
// expect-output: undefined
// expect-output: ReferenceError Cannot access 'tdz' before initialization
// expect-output: TypeError
// expect-output: 1
