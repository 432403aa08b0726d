// Map/Set ordering and iteration while mutating.
const m = new Map([['a', 1], ['b', 2], ['c', 3]]);
const seen = []; for (const [k, v] of m) { seen.push(k); if (k === 'a') { m.delete('b'); m.set('d', 4); } } console.log(seen.join());
m.set('a', 10); console.log([...m.keys()].join(), m.get('a'));
m.delete('a'); m.set('a', 11); console.log([...m.keys()].join());
const s = new Set([1, 2, 3]); const sv = []; for (const v of s) { sv.push(v); if (v < 5) s.add(v + 3); } console.log(sv.join(), s.size);
const s2 = new Set(['x', 'y', 'z']); const out = []; s2.forEach((v) => { out.push(v); s2.delete(v); if (v === 'x' && out.length === 1) s2.add('x'); }); console.log(out.join(), JSON.stringify([...s2]));
const it = m.entries(); const first = it.next().value; m.clear(); console.log(JSON.stringify(first), JSON.stringify(it.next()));
const keys = new Map([[NaN, 'nan'], [0, 'zero'], ['0', 'str0']]); console.log(keys.get(NaN), keys.get(-0), keys.get('0'), keys.size);
const objKey = {}; const mm = new Map([[objKey, 'o']]); console.log(mm.get(objKey), mm.get({}), mm.has(objKey));
console.log(new Set('hello').size, [...new Set([3, 1, 3, 2, 1])].join(), new Map(Object.entries({ x: 1, y: 2 })).get('y'));
console.log(JSON.stringify(Object.fromEntries(new Map([['k', [1]]]))), JSON.stringify([...new Map([[1, 'a']]).entries()]));
const chain = new Map().set(1, 'a').set(2, 'b'); console.log(chain.size, new Set().add(1).add(1).size, m.delete('nope'));
const grouped = new Map(); for (const w of ['apple', 'avocado', 'banana', 'blueberry', 'cherry']) { const k = w[0]; if (!grouped.has(k)) grouped.set(k, []); grouped.get(k).push(w); } console.log(JSON.stringify([...grouped]));
const lru = new Map(); const touch = (k) => { const v = lru.get(k); lru.delete(k); lru.set(k, v); }; ['a', 'b', 'c'].forEach((k, i) => lru.set(k, i)); touch('a'); lru.delete(lru.keys().next().value); console.log([...lru.keys()].join());
const fe = []; new Map([[1, 'one']]).forEach(function (v, k, map) { fe.push(v, k, map.size, this.t); }, { t: 'this' }); console.log(fe.join());
const sIt = new Set([1, 2])[Symbol.iterator](); console.log(typeof sIt.next, sIt[Symbol.iterator]() === sIt, Set.prototype.keys === Set.prototype.values);
const delAll = new Map([[1, 1], [2, 2], [3, 3]]); const dv = []; for (const [k] of delAll) { dv.push(k); delAll.delete(k + 1); } console.log(dv.join(), delAll.size);
// expect-output: a,c,d
// expect-output: a,c,d 10
// expect-output: c,d,a
// expect-output: 1,2,3,4,5,6,7 7
// expect-output: x,y,z,x []
// expect-output: ["c",3] {"done":true}
// expect-output: nan zero str0 3
// expect-output: o undefined true
// expect-output: 4 3,1,2 2
// expect-output: {"k":[1]} [[1,"a"]]
// expect-output: 2 1 false
// expect-output: [["a",["apple","avocado"]],["b",["banana","blueberry"]],["c",["cherry"]]]
// expect-output: c,a
// expect-output: one,1,1,this
// expect-output: function true true
// expect-output: 1,3 2
