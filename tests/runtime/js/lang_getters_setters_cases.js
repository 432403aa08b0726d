const temp = { _c: 0, get f() { return this._c * 9 / 5 + 32; }, set f(v) { this._c = (v - 32) * 5 / 9; } };
temp.f = 212; console.log(temp._c, temp.f);
const ro = { get only() { return 'r'; } }; ro.only = 'w'; console.log(ro.only);
const wo = { set only(v) { this.v = v; } }; wo.only = 5; console.log(wo.only, wo.v);
const proto = { get name() { return 'proto:' + this.id; } }; const obj = Object.create(proto); obj.id = 7; console.log(obj.name);
const def = {}; let hits = 0;
Object.defineProperty(def, 'lazy', { get() { hits++; return 'L'; }, enumerable: false, configurable: true });
console.log(def.lazy, def.lazy, hits, Object.keys(def).length, JSON.stringify(def));
const desc = Object.getOwnPropertyDescriptor(temp, 'f'); console.log(typeof desc.get, typeof desc.set, desc.enumerable, desc.configurable);
class Temp { #v = 1; get v() { return this.#v; } set v(x) { if (x < 0) throw new RangeError('neg'); this.#v = x; } }
const t = new Temp(); t.v = 3; console.log(t.v); try { t.v = -1; } catch (e) { console.log(e.name, e.message, t.v); }
class Sub extends Temp { get v() { return super.v * 10; } } const s = new Sub(); console.log(s.v);
const counter = { n: 0, get next() { return ++this.n; } }; console.log(counter.next, counter.next, counter.n);
const sym = Symbol('k'); const so = { get [sym]() { return 'symget'; } }; console.log(so[sym]);
const dp = Object.defineProperties({}, { a: { value: 1, writable: false, enumerable: true }, b: { get() { return this.a + 1; }, enumerable: true } });
dp.a = 100; console.log(dp.a, dp.b, Object.keys(dp).join());
// expect-output: 100 212
// expect-output: r
// expect-output: undefined 5
// expect-output: proto:7
// expect-output: L L 2 0 {}
// expect-output: function function true true
// expect-output: 3
// expect-output: RangeError neg 3
// expect-output: 10
// expect-output: 1 2 2
// expect-output: symget
// expect-output: 1 2 a,b
