const s = new Set(['a', 'b']);
for (const v of s) { if (v === 'a') s.add('c'); }
console.log([...s].join());
const m = new Map([[{ k: 1 }, 'objkey'], ['str', 1], [1, 'num'], ['1', 'strnum']]);
console.log(m.size, m.get(1), m.get('1'), [...m.values()].join());
const del = new Map([[1, 1], [2, 2], [3, 3]]);
for (const [k] of del) { if (k === 1) del.delete(2); }
console.log([...del.keys()].join());
const counts = new Map(); for (const w of 'the cat and the hat'.split(' ')) counts.set(w, (counts.get(w) || 0) + 1);
console.log(JSON.stringify([...counts]));
const setOps = [new Set([1, 2, 3]), new Set([2, 3, 4])];
console.log([...setOps[0]].filter(x => setOps[1].has(x)).join(), new Set('hello').size);
m.clear(); console.log(m.size, [...m].length);
// expect-output: a,b,c
// expect-output: 4 num strnum objkey,1,num,strnum
// expect-output: 1,3
// expect-output: [["the",2],["cat",1],["and",1],["hat",1]]
// expect-output: 2,3 4
// expect-output: 0 0
