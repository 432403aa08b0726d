class A { constructor() { this.tag = 'A'; } who() { return 'A.who'; } static s() { return 'A.s'; } }
class B extends A { who() { return 'B>' + super.who(); } static s() { return 'B>' + super.s(); } }
class C extends B { constructor() { super(); this.tag += 'C'; } }
const c = new C();
console.log(c.who(), C.s(), c.tag, c instanceof A, Object.getPrototypeOf(C.prototype) === B.prototype);
function Base(x) { this.x = x; }
Base.prototype.get = function () { return this.x; };
function Derived(x) { Base.call(this, x * 2); }
Derived.prototype = Object.create(Base.prototype);
Derived.prototype.constructor = Derived;
console.log(new Derived(4).get(), new Derived(1) instanceof Base);
class E extends Array { sum() { return this.reduce((a, b) => a + b, 0); } }
class MyMap extends Map { getOr(k, d) { return this.has(k) ? this.get(k) : d; } }
const mm = new MyMap([[1, 'one']]); console.log(mm.getOr(1), mm.getOr(2, 'dflt'), mm instanceof Map);
class Obj { toString() { return 'Obj!'; } valueOf() { return 42; } }
console.log(`${new Obj()}`, new Obj() + 1, String(new Obj()));
// expect-output: B>A.who B>A.s AC true true
// expect-output: 8 true
// expect-output: one dflt true
// expect-output: Obj! 43 Obj!
