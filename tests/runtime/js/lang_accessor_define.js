// getters/setters and defineProperty semantics.
const o = {};
Object.defineProperty(o, 'ro', { value: 1 });
o.ro = 2; console.log(o.ro, Object.keys(o).length, JSON.stringify(Object.getOwnPropertyDescriptor(o, 'ro')));
let log = [];
const acc = { _v: 1, get v() { log.push('get'); return this._v; }, set v(x) { log.push('set' + x); this._v = x; } };
acc.v = acc.v + 1; console.log(acc.v, log.join());
const d = Object.getOwnPropertyDescriptor(acc, 'v'); console.log(typeof d.get, typeof d.set, d.enumerable, d.configurable, 'value' in d);
const onlyGet = { get g() { return 'g'; } }; onlyGet.g = 'x'; console.log(onlyGet.g);
const onlySet = { set s(v) { this.t = v; } }; onlySet.s = 4; console.log(onlySet.s, onlySet.t);
Object.defineProperty(o, 'ro', { value: 1 }); console.log('same value ok');
const c = {}; Object.defineProperty(c, 'x', { value: 1, configurable: true }); Object.defineProperty(c, 'x', { get() { return 42; } });
console.log(c.x, typeof Object.getOwnPropertyDescriptor(c, 'x').get);
const p = { get who() { return this.name; } }; const child = Object.create(p); child.name = 'child'; console.log(child.who);
const setterProto = { set val(v) { this._val = v * 2; } }; const ch = Object.create(setterProto); ch.val = 5; console.log(ch._val, Object.keys(ch).join());
const ps = Object.defineProperties({}, { a: { value: 1, enumerable: true }, b: { value: 2 } }); console.log(Object.keys(ps).join(), ps.b, JSON.stringify(ps));
const w = { a: 1 }; Object.defineProperty(w, 'a', { writable: false }); w.a = 9; console.log(w.a, Object.getOwnPropertyDescriptor(w, 'a').writable);
const ne = {}; Object.defineProperty(ne, 'h', { value: 1, enumerable: false }); ne.v = 2; const ks = []; for (const k in ne) ks.push(k); console.log(ks.join(), Object.getOwnPropertyNames(ne).join(), ne.propertyIsEnumerable('h'));
const frozen = Object.freeze({ a: 1, nested: { b: 2 } }); frozen.a = 2; frozen.nested.b = 3; delete frozen.a; console.log(frozen.a, frozen.nested.b, Object.isFrozen(frozen));
const sealed = Object.seal({ a: 1 }); sealed.a = 2; sealed.b = 3; delete sealed.a; console.log(JSON.stringify(sealed), Object.isSealed(sealed), Object.isExtensible(sealed));
// expect-output: 1 0 {"value":1,"writable":false,"enumerable":false,"configurable":false}
// expect-output: 2 get,set2,get
// expect-output: function function true true false
// expect-output: g
// expect-output: undefined 4
// expect-output: same value ok
// expect-output: 42 function
// expect-output: child
// expect-output: 10 _val
// expect-output: a 2 {"a":1}
// expect-output: 1 false
// expect-output: v h,v false
// expect-output: 1 3 true
// expect-output: {"a":2} true false
