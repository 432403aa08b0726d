// optional chaining and nullish edge cases.
const o = { a: { b: { c: 0, f() { return this.c; } } }, arr: [{ x: 1 }], n: null, fn: null, zero: 0, empty: '' };
console.log(o?.a?.b?.c, o.n?.x, o.missing?.x.y.z, o.arr?.[0]?.x, o.arr?.[5]?.x, o.a.b.f?.(), o.fn?.(), o.nope?.());
console.log(o.zero ?? 'd', o.empty ?? 'd', o.n ?? 'd', o.undef ?? 'd', o.zero || 'd', o.empty || 'd', false ?? 'd', NaN ?? 'd');
let calls = 0; const side = () => { calls++; return 1; }; o.n?.[side()]; o.n?.m(side()); console.log(calls);
try { (o.n?.a).b; } catch (e) { console.log(e.constructor.name); }
const obj = { method() { return this === obj; } }; console.log(obj?.method(), obj.method?.(), obj?.['method']());
let v = null; v ??= 'set'; v ??= 'ignored'; let w = 0; w ||= 'or-set'; let x = 1; x &&= 'and-set'; console.log(v, w, x);
const cfg = { retries: 0 }; cfg.retries ??= 3; cfg.timeout ??= 100; console.log(JSON.stringify(cfg));
let evaluated = false; const keep = { k: 1 }; keep.k ??= (evaluated = true); console.log(evaluated, keep.k);
console.log((null ?? 0) || 'fallback', null ?? (0 || 'mixed'), undefined?.x ?? 'chain-then-nullish');
const deep = { l1: { l2: null } }; console.log(deep.l1?.l2?.l3?.l4, deep.l1.l2 ?? 'l2 null', typeof deep?.['l1']);
console.log(delete o?.a?.b?.c, o.a.b.c, delete o.n?.x);
const fnObj = { run: (a = 'def') => a }; console.log(fnObj.run?.(), fnObj.run?.(undefined), fnObj.run?.(null));
const arr = null; console.log(arr?.length, arr?.[0], arr?.map((q) => q));
class K { #p = 1; static read(k) { return k?.#p; } } console.log(K.read(new K()), K.read(null));
const tpl = { s: 'str' }; console.log(tpl.s?.toUpperCase(), tpl.t?.toUpperCase(), tpl.s?.length ?? -1);
// expect-output: 0 undefined undefined 1 undefined 0 undefined undefined
// expect-output: 0  d d d d false NaN
// expect-output: 0
// expect-output: TypeError
// expect-output: true true true
// expect-output: set or-set and-set
// expect-output: {"retries":0,"timeout":100}
// expect-output: false 1
// expect-output: fallback mixed chain-then-nullish
// expect-output: undefined l2 null object
// expect-output: true undefined true
// expect-output: def def null
// expect-output: undefined undefined undefined
// expect-output: 1 undefined
// expect-output: STR undefined 3
