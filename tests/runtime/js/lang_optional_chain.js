const o = { a: { b: { c: 1 } }, f() { return 'called'; }, arr: [10, 20] };
console.log(o?.a?.b?.c, o.x?.y.z, o.f?.(), o.g?.(), o.arr?.[1], o.nope?.[0]);
const n = null;
console.log(n?.foo, n?.foo.bar.baz, n?.[0]);
console.log((o.x?.y)?.z);
// expect-output: 1 undefined called undefined 20 undefined
// expect-output: undefined undefined undefined
// expect-output: undefined
