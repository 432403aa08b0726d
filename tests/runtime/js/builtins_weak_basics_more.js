// WeakMap / WeakSet / WeakRef basics (no GC timing).
const wm = new WeakMap(); const k1 = {}; const k2 = function () {};
wm.set(k1, 'obj').set(k2, 'fn'); console.log(wm.get(k1), wm.get(k2), wm.has(k1), wm.has({}), wm.get({}));
console.log(wm.delete(k1), wm.has(k1), wm.delete(k1));
for (const bad of [1, 'str', null, undefined, true]) { try { wm.set(bad, 1); console.log('accepted', String(bad)); } catch (e) { console.log('rejected', String(bad), e.constructor.name); } }
console.log(wm.has(1), wm.get('x'), wm.delete(null));
const ws = new WeakSet(); const a = {}; ws.add(a); ws.add(a); console.log(ws.has(a), ws.has({}), ws.delete(a), ws.has(a));
try { ws.add(5); } catch (e) { console.log(e.constructor.name); }
const target = { name: 't' }; const ref = new WeakRef(target); console.log(ref.deref() === target, ref.deref().name, typeof ref.deref);
try { new WeakRef(1); } catch (e) { console.log(e.constructor.name); }
const priv = new WeakMap(); class Person { constructor(n) { priv.set(this, { n }); } get name() { return priv.get(this).n; } } console.log(new Person('ann').name, new Person('bob').name);
const memo = new WeakMap(); let calls = 0; const compute = (o) => { if (!memo.has(o)) { calls++; memo.set(o, o.v * 2); } return memo.get(o); }; const ob = { v: 21 }; console.log(compute(ob), compute(ob), calls);
const fr = new FinalizationRegistry(() => {}); const tok = {}; fr.register({}, 'held', tok); console.log(fr.unregister(tok), fr.unregister(tok), typeof fr.register);
try { WeakMap(); } catch (e) { console.log(e.constructor.name); }
console.log('size' in wm, typeof wm.forEach, typeof WeakMap.prototype.clear);
// expect-output: obj fn true false undefined
// expect-output: true false false
// expect-output: rejected 1 TypeError
// expect-output: rejected str TypeError
// expect-output: rejected null TypeError
// expect-output: rejected undefined TypeError
// expect-output: rejected true TypeError
// expect-output: false undefined false
// expect-output: true false true false
// expect-output: TypeError
// expect-output: true t function
// expect-output: TypeError
// expect-output: ann bob
// expect-output: 42 42 1
// expect-output: true false function
// expect-output: TypeError
// expect-output: false undefined undefined
