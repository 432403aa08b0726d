// this binding: call/apply/bind, extracted methods, new with bound functions, arrows.
const obj = { name: 'obj', who() { return this && this.name; } };
const extracted = obj.who; console.log(obj.who(), extracted(), extracted.call({ name: 'called' }), extracted.apply({ name: 'applied' }, []));
function strictThis() { 'use strict'; return this; } console.log(strictThis(), strictThis.call(5), typeof strictThis.call('s'));
function sloppyThis() { return typeof this; } console.log(sloppyThis.call({}), sloppyThis.call(null) === 'object', sloppyThis() === 'object');
const bound = obj.who.bind({ name: 'bound' }); console.log(bound(), bound.call({ name: 'ignored' }), bound.bind({ name: 'rebound' })());
function Point(x, y) { this.x = x; this.y = y; } const BoundPoint = Point.bind(null, 1); const bp = new BoundPoint(2); console.log(bp.x, bp.y, bp instanceof Point);
function add(a, b, c) { return a + b + c; } console.log(add.bind(null, 1, 2)(3), add.apply(null, [1, 2, 3]), add.call(null, ...[1, 2, 3]));
class Btn { constructor() { this.label = 'btn'; this.onClick = this.onClick.bind(this); } onClick() { return this.label; } arrow = () => this.label; } const { onClick, arrow } = new Btn(); console.log(onClick(), arrow());
const nested = { v: 'outer', inner: { v: 'inner', get() { return this.v; } } }; console.log(nested.inner.get(), (0, nested.inner.get)() === undefined);
const arrowObj = { v: 1, f: () => typeof this, g() { return [1].map(() => this.v); } }; console.log(arrowObj.f(), arrowObj.g().join());
function Ctor() { if (!new.target) return 'called'; this.made = true; } console.log(Ctor(), new Ctor().made);
function ReturnsObj() { this.a = 1; return { b: 2 }; } function ReturnsPrim() { this.a = 1; return 5; } console.log(JSON.stringify(new ReturnsObj()), JSON.stringify(new ReturnsPrim()));
const cbThis = []; [1].forEach(function () { cbThis.push(this.tag); }, { tag: 'thisArg' }); console.log(cbThis.join());
const proto = { hi() { return 'hi ' + this.n; } }; const inst = Object.create(proto); inst.n = 'inst'; console.log(inst.hi(), proto.hi.call({ n: 'borrowed' }));
const counter = { count: 0, inc() { this.count++; return this; } }; console.log(counter.inc().inc().inc().count);
try { new (() => {})(); } catch (e) { console.log(e.constructor.name); }
try { new obj.who(); } catch (e) { console.log(e.constructor.name); }
// expect-output: obj undefined called applied
// expect-output: undefined 5 string
// expect-output: object true true
// expect-output: bound bound bound
// expect-output: 1 2 true
// expect-output: 6 6 6
// expect-output: btn btn
// expect-output: inner true
// expect-output: object 1
// expect-output: called true
// expect-output: {"b":2} {"a":1}
// expect-output: thisArg
// expect-output: hi inst hi borrowed
// expect-output: 3
// expect-output: TypeError
// expect-output: TypeError
