function f() { return Array.prototype.slice.call(arguments, 1); }
console.log(f(1, 2, 3));
function g(a) { arguments[0] = 9; return arguments.length; }
console.log(g(1, 2));
const o = { name: 'o', regular() { return [this.name, (() => this.name)()]; } };
console.log(o.regular());
function Outer() { this.v = 1; const inner = () => this.v; return inner(); }
console.log(Outer.call({ v: 5 }), new Outer() instanceof Outer);
function sum() { let s = 0; for (const x of arguments) s += x; return s; }
console.log(sum(1, 2, 3));
// expect-output: [ 2, 3 ]
// expect-output: 2
// expect-output: [ 'o', 'o' ]
// expect-output: 1 true
// expect-output: 6
