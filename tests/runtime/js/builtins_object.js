const o = { b: 2, a: 1, 10: 'ten', 2: 'two' };
console.log(Object.keys(o), Object.values(o), Object.entries({ x: 1 }));
console.log(Object.assign({}, { a: 1 }, { b: 2 }), Object.fromEntries([['k', 'v']]));
const f = Object.freeze({ x: 1 }); f.x = 2; f.y = 3; console.log(f.x, f.y, Object.isFrozen(f));
console.log(Object.getOwnPropertyNames([1, 2]), Object.is(NaN, NaN), Object.is(0, -0));
const d = Object.getOwnPropertyDescriptor({ get z() { return 1; } }, 'z'); console.log(typeof d.get, d.enumerable);
const nul = Object.create(null); nul.k = 1; console.log(Object.keys(nul), typeof nul.toString);
console.log(Object.prototype.toString.call([]), Object.prototype.toString.call(null), String({}));
console.log(Object.hasOwn({ q: 1 }, 'q'), Object.entries([7, 8]));
// expect-output: [ '2', '10', 'b', 'a' ] [ 'two', 'ten', 2, 1 ] [ [ 'x', 1 ] ]
// expect-output: { a: 1, b: 2 } { k: 'v' }
// expect-output: 1 undefined true
// expect-output: [ '0', '1', 'length' ] true false
// expect-output: function true
// expect-output: [ 'k' ] undefined
// expect-output: [object Array] [object Null] [object Object]
// expect-output: true [ [ '0', 7 ], [ '1', 8 ] ]
