const o = { a: 1, b: 2, c: 3 };
console.log(delete o.a, 'a' in o, Object.keys(o).join());
console.log(delete o.zzz, delete o['b'], JSON.stringify(o));
const arr = [1, 2, 3, 4];
console.log(delete arr[1], arr.length, 1 in arr, arr[1], arr);
const frozen = Object.freeze({ k: 1 });
console.log(delete frozen.k, frozen.k);
const proto = { inherited: 1 }; const child = Object.create(proto); child.own = 2;
console.log(delete child.inherited, child.inherited, 'inherited' in child, Object.hasOwn(child, 'inherited'));
console.log(delete child.own, 'own' in child);
const sym = Symbol('s'); const so = { [sym]: 1 }; console.log(sym in so, delete so[sym], sym in so);
const nc = {}; Object.defineProperty(nc, 'fixed', { value: 1, configurable: false });
console.log(delete nc.fixed, nc.fixed);
const m = { x: 1, y: 2 }; delete m.x; m.x = 3; console.log(Object.keys(m).join());
// expect-output: true false b,c
// expect-output: true true {"c":3}
// expect-output: true 4 false undefined [ 1, <1 empty item>, 3, 4 ]
// expect-output: false 1
// expect-output: true 1 true false
// expect-output: true false
// expect-output: true true false
// expect-output: false 1
// expect-output: y,x
