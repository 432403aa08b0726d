const m = new Map();
m.set('a', 1).set('b', 2).set(NaN, 'nan');
console.log(m.size, m.get('a'), m.get(NaN), m.has('b'), m.delete('b'), m.has('b'), m.size);
console.log([...m], [...m.keys()], [...m.values()]);
m.forEach((v, k) => console.log('each', k, v));
const s = new Set([1, 2, 2, 3]); s.add(4); s.delete(1);
console.log(s.size, [...s], s.has(3));
const lru = new Map(); for (let i = 0; i < 5; i++) { lru.set(i, i); if (lru.size > 3) lru.delete(lru.keys().next().value); }
console.log([...lru.keys()]);
const it = m.entries(); console.log(it.next(), it.next().done, it.next().done);
const m2 = new Map([[1, 'a']]); const iter = m2.keys(); m2.set(2, 'b'); console.log([...iter]);
const big = new Map(); for (let i = 0; i < 1000; i++) big.set(i, i); for (let i = 0; i < 990; i++) big.delete(i); console.log(big.size, [...big.keys()].length, big.keys().next().value);
console.log(m, s);
// expect-output: 3 1 nan true true false 2
// expect-output: [ [ 'a', 1 ], [ NaN, 'nan' ] ] [ 'a', NaN ] [ 1, 'nan' ]
// expect-output: each a 1
// expect-output: each NaN nan
// expect-output: 3 [ 2, 3, 4 ] true
// expect-output: [ 2, 3, 4 ]
// expect-output: { value: [ 'a', 1 ], done: false } false true
// expect-output: [ 1, 2 ]
// expect-output: 10 10 990
// expect-output: Map(2) { 'a' => 1, NaN => 'nan' } Set(3) { 2, 3, 4 }
