console.log(typeof function () {}, typeof class {}, typeof (() => 1), typeof NaN, typeof Infinity);
console.log(typeof undeclaredVariable, typeof typeof 1, typeof new Number(1), typeof String(1));
console.log(typeof Symbol.iterator, typeof Math, typeof JSON, typeof globalThis, typeof new Map());
class A {} class B extends A {} const b = new B();
console.log(b instanceof B, b instanceof A, b instanceof Object, new A() instanceof B);
console.log([] instanceof Array, [] instanceof Object, {} instanceof Array, (() => {}) instanceof Function);
console.log(Object.create(null) instanceof Object, new Error('x') instanceof Error, new TypeError() instanceof Error);
class Even { static [Symbol.hasInstance](n) { return n % 2 === 0; } }
console.log(2 instanceof Even, 3 instanceof Even);
function F() {} const f = new F(); F.prototype = {}; console.log(f instanceof F);
try { ({}) instanceof 5; } catch (e) { console.log(e.constructor.name); }
try { 1 in 2; } catch (e) { console.log(e.constructor.name); }
console.log('length' in [], 'toString' in {}, Symbol.iterator in [], 'a' in { __proto__: { a: 1 } });
// expect-output: function function function number number
// expect-output: undefined string object string
// expect-output: symbol object object object object
// expect-output: true true true false
// expect-output: true true false true
// expect-output: false true true
// expect-output: true false
// expect-output: false
// expect-output: TypeError
// expect-output: TypeError
// expect-output: true true true true
