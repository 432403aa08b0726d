const fns = []; for (var i = 0; i < 3; i++) fns.push(() => i); console.log(fns.map((f) => f()).join());
const fns2 = []; for (let j = 0; j < 3; j++) fns2.push(() => j); console.log(fns2.map((f) => f()).join());
function makeAdder(x) { return (y) => x + y; } const add5 = makeAdder(5); console.log(add5(1), makeAdder('a')('b'));
function counter() { let n = 0; return { inc: () => ++n, dec: () => --n, get: () => n }; }
const c = counter(); c.inc(); c.inc(); c.dec(); const c2 = counter(); console.log(c.get(), c2.get());
const once = (fn) => { let done = false, val; return (...a) => done ? val : (done = true, val = fn(...a)); };
const o = once((x) => x * 2); console.log(o(2), o(5));
function memo(fn) { const cache = new Map(); return (n) => cache.has(n) ? cache.get(n) : (cache.set(n, fn(n)), cache.get(n)); }
const fib = memo((n) => n < 2 ? n : fib(n - 1) + fib(n - 2)); console.log(fib(50));
let shadow = 'outer'; { let shadow = 'inner'; console.log(shadow); } console.log(shadow);
const compose = (...fs) => (x) => fs.reduceRight((acc, f) => f(acc), x); console.log(compose((x) => x + 1, (x) => x * 2)(5));
function curry(f) { return function c(...a) { return a.length >= f.length ? f(...a) : (...b) => c(...a, ...b); }; }
console.log(curry((a, b, c) => a + b + c)(1)(2)(3));
let late = () => lateVar; let lateVar = 'hoisted later'; console.log(late());
function outer() { var v = 1; function inner() { return v; } v = 2; return inner; } console.log(outer()());
const iife = (function () { let priv = 'p'; return { get: () => priv, set: (v) => { priv = v; } }; })(); iife.set('q'); console.log(iife.get());
try { tdz; let tdz = 1; } catch (e) { console.log(e.constructor.name); }
function gen() { const arr = []; for (const k of ['a', 'b']) arr.push(() => k); return arr.map((f) => f()); } console.log(gen());
// expect-output: 3,3,3
// expect-output: 0,1,2
// expect-output: 6 ab
// expect-output: 1 0
// expect-output: 4 4
// expect-output: 12586269025
// expect-output: inner
// expect-output: outer
// expect-output: 11
// expect-output: 6
// expect-output: hoisted later
// expect-output: 2
// expect-output: q
// expect-output: ReferenceError
// expect-output: [ 'a', 'b' ]
