// Reflect (every static method) and Proxy: traps get/set/has/deleteProperty/
// ownKeys/getOwnPropertyDescriptor/defineProperty/getPrototypeOf/
// setPrototypeOf/isExtensible/preventExtensions/apply/construct, falling back
// to the target when a trap is absent, and Proxy.revocable.
// ==== Reflect ====
const ro = { x: 1, get y() { return this.x + 1; }, set y(v) { this.x = v; } };
console.log(Reflect.get(ro, 'x'), Reflect.get(ro, 'y'), Reflect.get(ro, 'y', { x: 10 }), Reflect.get([5, 6], 1));
console.log(Reflect.has(ro, 'x'), Reflect.has(ro, 'toString'), Reflect.has([1], 0), Reflect.has([1], 1), Reflect.has({}, Symbol.iterator));
const recv = {};
console.log(Reflect.set(ro, 'z', 3), ro.z, Reflect.set(ro, 'y', 7, recv), recv.x, ro.x);
console.log(Reflect.set(Object.freeze({ a: 1 }), 'a', 2), Reflect.set(Object.preventExtensions({}), 'n', 1));
const arr = [1, 2]; console.log(Reflect.set(arr, 'length', 1), arr.length, Reflect.set(arr, 3, 'x'), arr.length, arr[3], 1 in arr);
console.log(Reflect.ownKeys({ b: 1, a: 2, 1: 3, [Symbol.iterator]: 0 }), Reflect.ownKeys([1, 2]));
console.log(Reflect.deleteProperty(ro, 'z'), 'z' in ro, Reflect.deleteProperty(Object.freeze({ a: 1 }), 'a'), Reflect.deleteProperty({}, 'nope'));
console.log(Reflect.apply(Math.max, null, [1, 5, 3]), Reflect.apply(function () { return this.v; }, { v: 'this' }, []), Reflect.apply(String.prototype.slice, 'hello', [1, 3]));
console.log(Reflect.construct(Date, [0]).getTime(), Reflect.construct(Array, [3]).length);
class A { constructor(v) { this.v = v; this.nt = new.target.name; } }
class B { }
const ab = Reflect.construct(A, [4], B);
console.log(Reflect.construct(A, [1]).nt, ab.v, ab.nt, ab instanceof B, ab instanceof A);
console.log(Reflect.defineProperty({}, 'a', { value: 1 }), Reflect.getOwnPropertyDescriptor({ a: 1 }, 'a'), Reflect.getOwnPropertyDescriptor({}, 'a'));
const dd = {}; Reflect.defineProperty(dd, 'hidden', { value: 1, enumerable: false }); console.log(Object.keys(dd), dd.hidden);
console.log(Reflect.getPrototypeOf([]) === Array.prototype, Reflect.getPrototypeOf(Object.create(null)), Reflect.isExtensible({}));
const ne = {};
console.log(Reflect.preventExtensions(ne), Reflect.isExtensible(ne), Reflect.setPrototypeOf(ne, {}), Reflect.setPrototypeOf(ne, Object.prototype));
const cyc = {}; const child = Object.create(cyc);
console.log(Reflect.setPrototypeOf(cyc, child), Reflect.setPrototypeOf({}, null), Reflect.setPrototypeOf(child, Array.prototype), child instanceof Array);
for (const f of ['get', 'set', 'has', 'ownKeys', 'getPrototypeOf', 'defineProperty', 'deleteProperty', 'isExtensible']) {
  try { Reflect[f](1, 'a', {}); } catch (e) { console.log(f, e.constructor.name, e.message); }
}
try { Reflect.apply(1); } catch (e) { console.log(e.constructor.name); }
try { Reflect.construct(() => {}, []); } catch (e) { console.log(e.constructor.name); }
try { Reflect.setPrototypeOf({}, 1); } catch (e) { console.log(e.constructor.name); }
console.log(typeof Reflect, Object.keys(Reflect).length, Reflect.apply.length, Reflect.set.length);
// ==== Proxy: property traps ====
const log = [];
const target = { a: 1, b: 2 };
const p = new Proxy(target, {
  get(t, k, r) { log.push('get ' + String(k)); return k in t ? t[k] : 'dflt'; },
  set(t, k, v, r) { log.push('set ' + k); t[k] = v * 2; return true; },
  has(t, k) { log.push('has ' + k); return k.startsWith('a'); },
  deleteProperty(t, k) { log.push('del ' + k); delete t[k]; return true; },
});
console.log(p.a, p.zz, p[0], p['b']);
p.c = 5; p[7] = 1; console.log(target.c, target[7]);
console.log('a' in p, 'b' in p, 'ax' in p, 0 in p);
delete p.b; console.log(Object.keys(target));
console.log(log.join(','));
const h2 = { get(t, k, rc) { return this === h2 && rc === hp; } }; const hp = new Proxy({}, h2); console.log(hp.anything);
const defaults = new Proxy({}, { get: (t, k) => (k in t ? t[k] : 0) });
defaults.hits++; defaults.hits++; console.log(defaults.hits, defaults.misses);
const negative = new Proxy([10, 20, 30], { get: (t, k) => (typeof k === 'string' && Number(k) < 0 ? t[t.length + Number(k)] : t[k]) });
console.log(negative[-1], negative[0], negative.length);
const validator = new Proxy({}, {
  set(t, k, v) { if (typeof v !== 'number') throw new TypeError('not a number: ' + k); t[k] = v; return true; },
});
validator.age = 30;
try { validator.name = 'x'; } catch (e) { console.log(e.message, validator.age, 'name' in validator); }
// ==== Proxy: keys and descriptors ====
const q = new Proxy({ x: 1, y: 2 }, { ownKeys(t) { return ['y', 'x', 'z']; } });
console.log(Object.keys(q), Object.getOwnPropertyNames(q), JSON.stringify(q), Object.values(q));
for (const k in q) console.log('forin', k);
console.log({ ...q }, Object.assign({}, q));
const r = new Proxy({}, {
  ownKeys() { return ['a', 'b', Symbol.for('s')]; },
  getOwnPropertyDescriptor(t, k) { return { value: String(k).toUpperCase(), enumerable: k !== 'b', configurable: true }; },
  get(t, k) { return 'v' + String(k); },
});
console.log(Object.keys(r), Object.entries(r), Object.getOwnPropertyDescriptor(r, 'a'), Reflect.ownKeys(r).length);
console.log(Object.getOwnPropertySymbols(r).length, Object.prototype.hasOwnProperty.call(r, 'zzz'), Object.hasOwn(r, 'a'), { ...r });
const dp = new Proxy({}, { defineProperty(t, k, d) { console.log('define', k, d.value); return Reflect.defineProperty(t, k, d); } });
Object.defineProperty(dp, 'q', { value: 1, configurable: true });
dp.w = 3;
console.log(Object.getOwnPropertyDescriptor(dp, 'w'), dp.q);
const refuse = new Proxy({}, { defineProperty() { return false; } });
try { Object.defineProperty(refuse, 'x', { value: 1 }); } catch (e) { console.log(e.constructor.name); }
console.log(Reflect.defineProperty(refuse, 'x', { value: 1 }), Reflect.set(refuse, 'x', 1));
// ==== Proxy: prototypes and extensibility ====
const gp = new Proxy({}, { getPrototypeOf() { return Array.prototype; } });
console.log(Object.getPrototypeOf(gp) === Array.prototype, Reflect.getPrototypeOf(gp) === Array.prototype);
const sp = new Proxy({}, { setPrototypeOf(t, pr) { console.log('setProto', pr === null); return Reflect.setPrototypeOf(t, pr); } });
Object.setPrototypeOf(sp, null); console.log(Object.getPrototypeOf(sp));
const ext = new Proxy({}, { isExtensible(t) { console.log('isExt'); return Reflect.isExtensible(t); }, preventExtensions(t) { console.log('prevent'); return Reflect.preventExtensions(t); } });
console.log(Object.isExtensible(ext)); Object.preventExtensions(ext); console.log(Reflect.isExtensible(ext));
const base = new Proxy({}, { get(t, k, rcv) { return 'inh:' + String(k); }, set(t, k, v, rcv) { console.log('proto set', k, rcv === kid); return true; } });
const kid = Object.create(base); kid.own = 1;
console.log(kid.own, kid.other);
const plainBase = new Proxy({ fromTarget: 'T' }, {});
const kid2 = Object.create(plainBase); kid2.mine = 2;
console.log(kid2.fromTarget, kid2.mine, Object.keys(kid2), 'fromTarget' in kid2);
// ==== Proxy: functions ====
let calls = 0;
const f = new Proxy(function add(a, b) { return a + b; }, {
  apply(t, th, args) { calls++; return 'applied:' + Reflect.apply(t, th, args); },
});
console.log(f(1, 2), typeof f, f.call(null, 3, 4), f.apply(null, [5, 6]), f.name, f.length, calls);
const bound = new Proxy(function () { return this && this.tag; }, {});
console.log(bound.call({ tag: 'T' }), [1, 2].map(new Proxy((x) => x * 3, {})));
class Pt { constructor(x) { this.x = x; } get double() { return this.x * 2; } }
const P2 = new Proxy(Pt, { construct(t, args, nt) { return { made: args[0], same: nt === P2 }; } });
const made = new P2(7); console.log(made.made, made.same);
const P3 = new Proxy(Pt, {});
const inst = new P3(9); console.log(inst.x, inst.double, inst instanceof Pt, typeof P3, P3.name);
class Sub extends P3 { constructor() { super(11); this.sub = true; } }
const s = new Sub(); console.log(s.x, s.sub, s instanceof Pt);
try { new Proxy({}, {})(); } catch (e) { console.log(e.constructor.name); }
try { new (new Proxy(() => 1, {}))(); } catch (e) { console.log(e.constructor.name); }
try { new (new Proxy(function () {}, { construct() { return 1; } }))(); } catch (e) { console.log(e.constructor.name); }
// ==== Proxy: revocable, creation errors, nesting ====
const { proxy, revoke } = Proxy.revocable({ a: 1 }, {});
console.log(proxy.a, typeof revoke); revoke(); revoke();
for (const op of [() => proxy.a, () => { proxy.a = 1; }, () => 'a' in proxy, () => delete proxy.a, () => Object.keys(proxy)]) {
  try { op(); } catch (e) { console.log(e.constructor.name); }
}
try { new Proxy(1, {}); } catch (e) { console.log(e.constructor.name, e.message); }
try { new Proxy({}, null); } catch (e) { console.log(e.constructor.name); }
try { Proxy({}, {}); } catch (e) { console.log(e.constructor.name); }
try { new Proxy({}, { get: 5 }).x; } catch (e) { console.log(e.constructor.name); }
console.log(Array.isArray(new Proxy([], {})), Array.isArray(new Proxy({}, {})), JSON.stringify(new Proxy([1, 2], {})));
console.log(JSON.stringify({ wrap: new Proxy({ k: [1, { m: 2 }] }, {}) }), JSON.stringify(new Proxy({ a: 1, f() {} }, {})));
const inner = new Proxy({ deep: 1 }, { get: (t, k) => (k === 'deep' ? 'inner' : t[k]) });
const outer = new Proxy(inner, { get: (t, k) => 'outer(' + t[k] + ')' });
console.log(outer.deep, new Proxy(inner, {}).deep);
console.log(new Proxy({ a: 1, b: { c: 2 } }, {}), new Proxy([1, 'two'], {}));
console.log(Object.prototype.hasOwnProperty.call(new Proxy({ a: 1 }, {}), 'a'), Object.hasOwn(new Proxy({}, {}), 'a'));
console.log(Object.isFrozen(new Proxy(Object.freeze({}), {})), Object.keys(Object.freeze(new Proxy({ k: 1 }, {}))));
class Inst { } const inst2 = new Inst();
console.log(new Proxy(inst2, {}) instanceof Inst, new Proxy([], {}) instanceof Array, Object.create(new Proxy(inst2, {})) instanceof Inst);
console.log(new Proxy({}, { getPrototypeOf: () => Inst.prototype }) instanceof Inst, Object.create(new Proxy({}, {})) instanceof Inst);
// expect-output: 1 2 11 6
// expect-output: true true true false false
// expect-output: true 3 true 7 1
// expect-output: false false
// expect-output: true 1 true 4 x false
// expect-output: [ '1', 'b', 'a', Symbol(Symbol.iterator) ] [ '0', '1', 'length' ]
// expect-output: true false false true
// expect-output: 5 this el
// expect-output: 0 3
// expect-output: A 4 B true false
// expect-output: true { value: 1, writable: true, enumerable: true, configurable: true } undefined
// expect-output: [] 1
// expect-output: true null true
// expect-output: true false false true
// expect-output: false true true true
// expect-output: get TypeError Reflect.get called on non-object
// expect-output: set TypeError Reflect.set called on non-object
// expect-output: has TypeError Reflect.has called on non-object
// expect-output: ownKeys TypeError Reflect.ownKeys called on non-object
// expect-output: getPrototypeOf TypeError Reflect.getPrototypeOf called on non-object
// expect-output: defineProperty TypeError Reflect.defineProperty called on non-object
// expect-output: deleteProperty TypeError Reflect.deleteProperty called on non-object
// expect-output: isExtensible TypeError Reflect.isExtensible called on non-object
// expect-output: TypeError
// expect-output: TypeError
// expect-output: TypeError
// expect-output: object 0 3 3
// expect-output: 1 dflt dflt 2
// expect-output: 10 2
// expect-output: true false true false
// expect-output: [ '7', 'a', 'c' ]
// expect-output: get a,get zz,get 0,get b,set c,set 7,has a,has b,has ax,has 0,del b
// expect-output: true
// expect-output: 2 0
// expect-output: 30 10 3
// expect-output: not a number: name 30 false
// expect-output: [ 'y', 'x' ] [ 'y', 'x', 'z' ] {"y":2,"x":1} [ 2, 1 ]
// expect-output: forin y
// expect-output: forin x
// expect-output: { y: 2, x: 1 } { y: 2, x: 1 }
// expect-output: [ 'a' ] [ [ 'a', 'va' ] ] { value: 'A', writable: false, enumerable: true, configurable: true } 3
// expect-output: 1 true true { a: 'va', [Symbol(s)]: 'vSymbol(s)' }
// expect-output: define q 1
// expect-output: define w 3
// expect-output: { value: 3, writable: true, enumerable: true, configurable: true } 1
// expect-output: TypeError
// expect-output: false false
// expect-output: true true
// expect-output: setProto true
// expect-output: null
// expect-output: isExt
// expect-output: true
// expect-output: prevent
// expect-output: isExt
// expect-output: false
// expect-output: proto set own true
// expect-output: inh:own inh:other
// expect-output: T 2 [ 'mine' ] true
// expect-output: applied:3 function applied:7 applied:11 add 2 3
// expect-output: T [ 3, 6 ]
// expect-output: 7 true
// expect-output: 9 18 true function Pt
// expect-output: 11 true true
// expect-output: TypeError
// expect-output: TypeError
// expect-output: TypeError
// expect-output: 1 function
// expect-output: TypeError
// expect-output: TypeError
// expect-output: TypeError
// expect-output: TypeError
// expect-output: TypeError
// expect-output: TypeError Cannot create proxy with a non-object as target or handler
// expect-output: TypeError
// expect-output: TypeError
// expect-output: TypeError
// expect-output: true false [1,2]
// expect-output: {"wrap":{"k":[1,{"m":2}]}} {"a":1}
// expect-output: outer(inner) inner
// expect-output: { a: 1, b: { c: 2 } } [ 1, 'two' ]
// expect-output: true false
// expect-output: true [ 'k' ]
// expect-output: true true true
// expect-output: true false
