// class features: statics, private, accessors, inheritance chains, super in literals, Symbol.hasInstance.
class A { static count = 0; #secret; constructor(s) { this.#secret = s; A.count++; } get secret() { return this.#secret; } static create(s) { return new this(s); } #hidden() { return 'h' + this.#secret; } reveal() { return this.#hidden(); } static isA(o) { return #secret in o; } }
class B extends A { constructor(s) { super(s + '!'); this.kind = 'B'; } get secret() { return 'B:' + super.secret; } }
class C extends B { static create(s) { return super.create(s + '?'); } }
const c = C.create('x'); console.log(c.secret, c.reveal(), c.kind, A.count, c instanceof A, c.constructor.name);
console.log(A.isA(c), A.isA({}), Object.getPrototypeOf(C) === B, Object.getPrototypeOf(C.prototype) === B.prototype);
class Counter { static #n = 0; static inc() { return ++Counter.#n; } static { Counter.inc(); } }
console.log(Counter.inc(), Counter.inc());
class Temp { #c = 0; get c() { return this.#c; } set c(v) { this.#c = Math.max(0, v); } }
const t = new Temp(); t.c = -5; const t1 = t.c; t.c = 7; console.log(t1, t.c);
const base = { greet() { return 'base'; } }; const derived = { __proto__: base, greet() { return 'derived+' + super.greet(); } }; console.log(derived.greet());
const Even = { [Symbol.hasInstance](n) { return n % 2 === 0; } }; console.log(2 instanceof Even, 3 instanceof Even);
class Gen { static [Symbol.hasInstance](x) { return x === 'magic'; } } console.log('magic' instanceof Gen, new Gen() instanceof Gen);
class F { field = this.constructor.name; arrow = () => this.field; } class G extends F {} console.log(new G().arrow(), new F().field);
class Shape { area() { return 0; } toString() { return `${this.constructor.name}(${this.area()})`; } } class Sq extends Shape { constructor(s) { super(); this.s = s; } area() { return this.s ** 2; } } console.log(String(new Sq(3)), `${new Shape()}`);
class Meth { m() {} static s() {} } console.log(Object.getOwnPropertyNames(Meth.prototype).join(), Object.keys(Meth.prototype).length, typeof Meth, Object.getOwnPropertyNames(Meth).includes('s'));
try { Meth(); } catch (e) { console.log(e.constructor.name); }
class NoSuper extends Object { constructor() { } } try { new NoSuper(); } catch (e) { console.log(e.constructor.name); }
const Mixin = (S) => class extends S { mix() { return 'mix:' + this.name; } }; class Named { name = 'n'; } console.log(new (Mixin(Named))().mix());
// expect-output: B:x?! hx?! B 1 true C
// expect-output: true false true true
// expect-output: 2 3
// expect-output: 0 7
// expect-output: derived+base
// expect-output: true false
// expect-output: true false
// expect-output: G F
// expect-output: Sq(9) Shape(0)
// expect-output: constructor,m 0 function true
// expect-output: TypeError
// expect-output: ReferenceError
// expect-output: mix:n
