const o = { a: { b: { c: 1 } }, f() { return 'f'; }, arr: [10, 20], n: null, z: 0, e: '' };
console.log(o?.a?.b?.c, o.x?.y.z.w, o.n?.foo, o.f?.(), o.g?.(), o.arr?.[1], o.nope?.[0]);
console.log(o.z ?? 'def', o.e ?? 'def', o.n ?? 'def', o.u ?? 'def', o.z || 'def', o.e || 'def');
let calls = 0; const side = () => { calls++; return 1; };
const nul = null; console.log(nul?.[side()], nul?.x(side()), calls);
console.log((null)?.a ?? 'chain-null', undefined?.length);
const deep = { get g() { return { h: () => 'deep' }; } }; console.log(deep?.g?.h?.());
let x = null; x ??= 1; x ??= 2; console.log(x);
let y = 0; y ||= 5; y &&= y + 1; console.log(y);
const obj = { count: 0 }; obj.count ||= 10; obj.missing ??= 'set'; console.log(obj.count, obj.missing);
const fnNull = null; try { fnNull(); } catch (e) { console.log(e.constructor.name); }
console.log(typeof o?.f, o?.['a']?.['b']);
const a = [1, null, undefined, 0]; console.log(a.map((v) => v ?? 'd').join());
// expect-output: 1 undefined undefined f undefined 20 undefined
// expect-output: 0  def def def def
// expect-output: undefined undefined 0
// expect-output: chain-null undefined
// expect-output: deep
// expect-output: 1
// expect-output: 6
// expect-output: 10 set
// expect-output: TypeError
// expect-output: function { c: 1 }
// expect-output: 1,d,d,0
