// closures: counters, memoization, module pattern, once, IIFE state.
function makeCounter(start = 0) { let n = start; return { inc: () => ++n, dec: () => --n, get value() { return n; } }; }
const c1 = makeCounter(), c2 = makeCounter(10); c1.inc(); c1.inc(); c2.dec(); console.log(c1.value, c2.value);
const once = (fn) => { let done = false, r; return (...a) => (done ? r : ((done = true), (r = fn(...a)))); };
let calls = 0; const init = once((x) => { calls++; return x * 2; }); console.log(init(5), init(7), calls);
function memo(fn) { const cache = new Map(); return (n) => { if (!cache.has(n)) cache.set(n, fn(n)); return cache.get(n); }; }
const fib = memo((n) => (n < 2 ? n : fib(n - 1) + fib(n - 2))); console.log(fib(50), fib(90));
const mod = (function () { let priv = 0; function bump() { priv += 1; } return { bump, read: () => priv }; })(); mod.bump(); mod.bump(); console.log(mod.read(), mod.priv);
const adders = [1, 2, 3].map((k) => (x) => x + k); console.log(adders.map((f) => f(10)).join());
function outer() { const x = 'outer-x'; return function middle() { return function inner() { return x; }; }; } console.log(outer()()());
let shared = 0; const incs = []; for (let i = 0; i < 3; i++) incs.push(() => (shared += i)); incs.forEach((f) => f()); console.log(shared);
const curry = (f) => (a) => (b) => (c) => f(a, b, c); console.log(curry((a, b, c) => a + b * c)(1)(2)(3));
const compose = (...fns) => (x) => fns.reduceRight((v, f) => f(v), x); console.log(compose((x) => x + 1, (x) => x * 2)(5));
function debounceLike() { let last; return (v) => { const prev = last; last = v; return prev; }; } const dl = debounceLike(); dl('a'); console.log(dl('b'), dl('c'));
var fnDecl = 'var'; function getVar() { return fnDecl; } fnDecl = 'changed'; console.log(getVar());
const self = { name: 'obj', regular() { return () => this.name; }, arrowProp: () => typeof this }; console.log(self.regular()(), self.arrowProp());
function counterGen() { let id = 0; return { next: () => `id-${++id}`, reset() { id = 0; } }; } const ids = counterGen(); ids.next(); ids.next(); ids.reset(); console.log(ids.next());
const closuresInLoop = []; let j = 0; while (j < 3) { const captured = j; closuresInLoop.push(() => captured); j++; } console.log(closuresInLoop.map((f) => f()).join());
function named() { return typeof named; } const alias = named; console.log(alias(), (function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); })(10));
const bound = function () { return this.v; }.bind({ v: 'bound' }); console.log(bound(), bound.call({ v: 'other' }), typeof bound);
// expect-output: 2 9
// expect-output: 10 10 1
// expect-output: 12586269025 2880067194370816000
// expect-output: 2 undefined
// expect-output: 11,12,13
// expect-output: outer-x
// expect-output: 3
// expect-output: 7
// expect-output: 11
// expect-output: a b
// expect-output: changed
// expect-output: obj object
// expect-output: id-1
// expect-output: 0,1,2
// expect-output: function 3628800
// expect-output: bound bound function
