class Counter {
  count = 0;
  static instances = 0;
  static #secret = 'hidden';
  #priv = 42;
  label = `c${Counter.instances}`;
  constructor() { Counter.instances++; }
  inc() { this.count++; return this; }
  get priv() { return this.#priv; }
  set priv(v) { this.#priv = v * 2; }
  #helper() { return 'helper:' + this.#priv; }
  callHelper() { return this.#helper(); }
  static reveal() { return Counter.#secret; }
  static has(o) { return #priv in o; }
}
const c1 = new Counter(); const c2 = new Counter();
console.log(c1.inc().inc().count, c2.count, Counter.instances, c1.label, c2.label);
c1.priv = 5; console.log(c1.priv, c2.priv, c1.callHelper(), Counter.reveal());
console.log(Counter.has(c1), Counter.has({}), c1.count, c1.label);
class Base { constructor(x) { this.x = x; } who() { return 'base'; } static make() { return new this(1); } static sname() { return 'Base'; } }
class Derived extends Base {
  y = this.x * 2;
  constructor(x) { super(x + 1); this.z = 3; }
  who() { return 'derived>' + super.who(); }
  static sname() { return 'Derived<' + super.sname(); }
}
const d = Derived.make(); console.log(d.x, d.y, d.z, d.who(), Derived.sname(), d instanceof Base, d.constructor.name);
class NoCtor extends Base {} console.log(new NoCtor(7).x, Object.getPrototypeOf(NoCtor) === Base);
class Bad extends Base { constructor() { } }
try { new Bad(); } catch (e) { console.log(e.constructor.name); }
try { Base(); } catch (e) { console.log(e.constructor.name); }
class Static { static a = 1; static b = Static.a + 1; static { Static.c = Static.b + 1; } }
console.log(Static.a, Static.b, Static.c);
const Expr = class Named { who() { return Named.name; } }; console.log(new Expr().who(), Expr.name);
class Acc { static #count = 0; static get count() { return Acc.#count; } static bump() { Acc.#count++; } }
Acc.bump(); Acc.bump(); console.log(Acc.count);
class Comp { ['m' + 1]() { return 'm1'; } static ['s' + 2] = 's2'; [Symbol.iterator]() { return [1, 2][Symbol.iterator](); } }
console.log(new Comp().m1(), Comp.s2, [...new Comp()]);
console.log(typeof Counter, typeof Counter.prototype.inc, typeof Counter.prototype.callHelper);
// expect-output: 2 0 2 c0 c1
// expect-output: 10 42 helper:10 hidden
// expect-output: true false 2 c0
// expect-output: 2 4 3 derived>base Derived<Base true Derived
// expect-output: 7 true
// expect-output: ReferenceError
// expect-output: TypeError
// expect-output: 1 2 3
// expect-output: Named Named
// expect-output: 2
// expect-output: m1 s2 [ 1, 2 ]
// expect-output: function function function
