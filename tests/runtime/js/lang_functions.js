function def(a, b = a * 2, ...rest) { return [a, b, rest.length]; }
console.log(def(1).join(), def(1, 5, 6, 7).join());
function args() { return arguments.length + ':' + arguments[0]; }
console.log(args('x', 'y'));
const named = function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); };
console.log(named(5));
console.log(((a, b) => a * b)(6, 7));
console.log(function () { return this; }.call(5) == 5);
function Point(x, y) { this.x = x; this.y = y; }
Point.prototype.len = function () { return Math.sqrt(this.x * this.x + this.y * this.y); };
console.log(new Point(3, 4).len());
console.log(def.length, named.name, Point.name);
console.log((function () {}).name === '', typeof (() => 1));
// expect-output: 1,2,0 1,5,2
// expect-output: 2:x
// expect-output: 120
// expect-output: 42
// expect-output: true
// expect-output: 5
// expect-output: 1 fact Point
// expect-output: true function
