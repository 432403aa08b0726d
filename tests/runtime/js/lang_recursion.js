function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); }
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
const hanoi = (n, a, b, c) => n === 0 ? 0 : hanoi(n - 1, a, c, b) + 1 + hanoi(n - 1, c, b, a);
console.log(fact(10), fib(20), hanoi(10, 'A', 'B', 'C'));
function flatten(a) { return a.reduce((acc, x) => Array.isArray(x) ? acc.concat(flatten(x)) : acc.concat([x]), []); }
console.log(flatten([1, [2, [3, [4, [5]]]]]).join());
const isEven = n => n === 0 ? true : isOdd(n - 1), isOdd = n => n === 0 ? false : isEven(n - 1);
console.log(isEven(100), isOdd(7));
function depth(o) { return typeof o !== 'object' || o === null ? 0 : 1 + Math.max(0, ...Object.values(o).map(depth)); }
console.log(depth({ a: { b: { c: {} } }, d: 1 }));
// expect-output: 3628800 6765 1023
// expect-output: 1,2,3,4,5
// expect-output: true true
// expect-output: 4
