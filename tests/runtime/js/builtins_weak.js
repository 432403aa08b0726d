const wm = new WeakMap(); const k = {};
wm.set(k, 'v'); console.log(wm.get(k), wm.has(k), wm.has({}), wm.delete(k), wm.has(k));
const ws = new WeakSet(); ws.add(k); console.log(ws.has(k));
try { wm.set(1, 2); } catch (e) { console.log(e.name); }
const ref = new WeakRef(k); console.log(ref.deref() === k);
const reg = new FinalizationRegistry(() => {}); console.log(typeof reg.register, reg.unregister({}));
// expect-output: v true false true false
// expect-output: true
// expect-output: TypeError
// expect-output: true
// expect-output: function false
