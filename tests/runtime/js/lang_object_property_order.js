// object key order, enumeration, Object.entries/assign semantics.
const o = { b: 1, 2: 'two', a: 2, 1: 'one', [Symbol('s')]: 3, '-1': 'neg', '01': 'lead' };
console.log(Object.keys(o).join(), JSON.stringify(o), Reflect.ownKeys(o).length);
o.c = 3; delete o.b; o.b = 4; console.log(Object.keys(o).join());
const proto = { inherited: 1 }; const child = Object.create(proto, { own: { value: 1, enumerable: true }, hidden: { value: 2 } });
const forin = []; for (const k in child) forin.push(k); console.log(forin.join(), Object.keys(child).join(), Object.entries(child).length, 'inherited' in child, child.hasOwnProperty('inherited'));
const target = { a: 1 }; const res = Object.assign(target, { b: 2 }, null, { a: 3 }); console.log(res === target, JSON.stringify(target));
const src = { get g() { return 'got'; } }; const dst = Object.assign({}, src); console.log(JSON.stringify(Object.getOwnPropertyDescriptor(dst, 'g')));
console.log(JSON.stringify(Object.entries({ x: 1, y: [2] })), JSON.stringify(Object.values('ab')), JSON.stringify(Object.fromEntries([['a', 1], ['a', 2]])));
const nul = Object.create(null); nul.k = 1; console.log(Object.keys(nul).join(), typeof nul.toString, 'k' in nul, Object.getPrototypeOf(nul));
const withNum = {}; withNum[10] = 'a'; withNum[2] = 'b'; withNum['x'] = 'c'; withNum[1.5] = 'd'; console.log(Object.keys(withNum).join());
console.log(Object.keys([4, 5]).join(), Object.keys('hi').join(), JSON.stringify(Object.entries([7])));
const counts = {}; for (const w of 'the cat the hat the end'.split(' ')) counts[w] = (counts[w] || 0) + 1; console.log(JSON.stringify(counts));
const sorted = Object.entries(counts).sort(([, a], [, b]) => b - a).map(([k]) => k); console.log(sorted.join());
const clone = structuredClone({ d: new Date(0), m: new Map([[1, 2]]), a: [1, { b: 2 }] }); console.log(clone.d instanceof Date, clone.m.get(1), clone.a[1].b);
const eq = (a, b) => JSON.stringify(a) === JSON.stringify(b); console.log(eq({ a: 1, b: 2 }, { b: 2, a: 1 }), eq({ a: 1 }, { a: 1 }));
console.log(Object.is(NaN, NaN), Object.is(0, -0), Object.hasOwn({ z: undefined }, 'z'), Object.getOwnPropertyNames(class { static s() {} }).includes('s'));
const frozenArr = Object.freeze([1, 2]); try { 'use strict'; frozenArr.push(3); } catch (e) { console.log(e.constructor.name); } console.log(frozenArr.length);
// expect-output: 1,2,b,a,-1,01 {"1":"one","2":"two","b":1,"a":2,"-1":"neg","01":"lead"} 7
// expect-output: 1,2,a,-1,01,c,b
// expect-output: own,inherited own 1 true false
// expect-output: true {"a":3,"b":2}
// expect-output: {"value":"got","writable":true,"enumerable":true,"configurable":true}
// expect-output: [["x",1],["y",[2]]] ["a","b"] {"a":2}
// expect-output: k undefined true null
// expect-output: 2,10,x,1.5
// expect-output: 0,1 0,1 [["0",7]]
// expect-output: {"the":3,"cat":1,"hat":1,"end":1}
// expect-output: the,cat,hat,end
// expect-output: true 2 2
// expect-output: false true
// expect-output: true false true true
// expect-output: TypeError
// expect-output: 2
