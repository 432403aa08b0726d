const m = new Map([['a', 1], ['b', 2], ['c', 3]]);
const seen = []; for (const [k] of m) { seen.push(k); if (k === 'a') { m.delete('b'); m.set('d', 4); } } console.log(seen.join());
m.set('a', 100); console.log([...m.keys()].join(), m.get('a'), m.size);
m.delete('a'); m.set('a', 1); console.log([...m.keys()].join());
const keyObj = {}, keyFn = () => {}; const m2 = new Map([[keyObj, 'obj'], [keyFn, 'fn'], [NaN, 'nan'], [0, 'zero']]);
console.log(m2.get(keyObj), m2.get({}), m2.get(keyFn), m2.get(NaN), m2.get(-0), m2.has('0'));
const s = new Set([1, 2, 3]); const sv = []; for (const v of s) { sv.push(v); if (v === 1) { s.delete(1); s.add(1); } if (sv.length > 6) break; } console.log(sv.join());
const s2 = new Set(); s2.add(1).add(2).add(1); console.log(s2.size, s2.has(2), s2.delete(5), [...s2]);
const forEachOrder = []; new Map([[1, 'x'], [2, 'y']]).forEach((v, k, map) => forEachOrder.push(`${k}=${v}:${map.size}`)); console.log(forEachOrder.join());
const sfe = []; new Set(['p', 'q']).forEach((v, k) => sfe.push(v + k)); console.log(sfe.join());
const cleared = new Map([[1, 1]]); cleared.clear(); console.log(cleared.size, [...cleared]);
const it = new Map([[1, 'a'], [2, 'b'], [3, 'c']]); const iter = it.keys(); iter.next(); it.delete(2); console.log([...iter]);
const lru = new Map(); for (let i = 0; i < 5; i++) { lru.set(i, i); if (lru.size > 3) lru.delete(lru.keys().next().value); } console.log([...lru.keys()]);
console.log(new Map([[1, { a: 1 }]]), new Set(['x', [1]]), new Map(), new Set());
console.log(Object.prototype.toString.call(new Map()), typeof Map.prototype.entries, Map.prototype[Symbol.iterator] === Map.prototype.entries);
const grouped = new Map(); for (const w of ['apple', 'avocado', 'banana']) { const k = w[0]; grouped.set(k, [...(grouped.get(k) || []), w]); } console.log([...grouped]);
const big = new Set(); for (let i = 0; i < 1000; i++) big.add(i); for (let i = 0; i < 1000; i += 2) big.delete(i); console.log(big.size, [...big].slice(0, 3), [...big].at(-1));
// expect-output: a,c,d
// expect-output: a,c,d 100 3
// expect-output: c,d,a
// expect-output: obj undefined fn nan zero false
// expect-output: 1,2,3,1,1,1,1
// expect-output: 2 true false [ 1, 2 ]
// expect-output: 1=x:2,2=y:2
// expect-output: pp,qq
// expect-output: 0 []
// expect-output: [ 3 ]
// expect-output: [ 2, 3, 4 ]
// expect-output: Map(1) { 1 => { a: 1 } } Set(2) { 'x', [ 1 ] } Map(0) {} Set(0) {}
// expect-output: [object Map] function true
// expect-output: [ [ 'a', [ 'apple', 'avocado' ] ], [ 'b', [ 'banana' ] ] ]
// expect-output: 500 [ 1, 3, 5 ] 999
