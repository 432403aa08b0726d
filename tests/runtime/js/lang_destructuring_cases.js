const { a = 1, b: { c = 2, d: [e = 3, , f = 4] = [] } = {}, ...rest } = { b: { d: [undefined, 9, null] }, x: 1, y: 2 };
console.log(a, c, e, f, JSON.stringify(rest));
const [p = 'dp', [q, r = 'dr'] = ['dq'], ...tail] = [undefined, undefined, 5, 6];
console.log(p, q, r, tail);
let m = 1, n = 2; [m, n] = [n, m]; console.log(m, n);
const { length } = 'hello'; const [ch1, ...chs] = 'héllo'; console.log(length, ch1, chs.join('|'));
function fd({ x = 10, y } = {}, [z] = [7]) { return [x, y, z].join(); }
console.log(fd(), fd({ y: 2 }), fd({ x: null }, [1]));
const key = 'dyn'; const { [key]: dynVal = 'none', [key + '2']: d2 = 'none2' } = { dyn: 'D' }; console.log(dynVal, d2);
let order = []; const src = { get a() { order.push('a'); return 1; }, get b() { order.push('b'); return 2; } };
const { b: bb, a: aa } = src; console.log(order.join(), aa, bb);
const dflt = () => { order.push('default'); return 'd'; }; const { zz = dflt() } = { zz: 0 }; console.log(zz, order.includes('default'));
const o = {}; ({ a: o.first, b: o['second'] } = { a: 1, b: 2 }); console.log(JSON.stringify(o));
const arr = []; [arr[0], arr[2]] = 'xy'; console.log(arr.length, arr[0], arr[2]);
for (const [k, { v }] of [['one', { v: 1 }], ['two', { v: 2 }]]) console.log(k, v);
try { const { nope } = null; } catch (e) { console.log(e.constructor.name); }
try { const [z1] = {}; } catch (e) { console.log(e.constructor.name); }
const [, , third = 't'] = [1, 2]; console.log(third);
const { 0: first, length: len } = ['A', 'B']; console.log(first, len);
// expect-output: 1 2 3 null {"x":1,"y":2}
// expect-output: dp dq dr [ 5, 6 ]
// expect-output: 2 1
// expect-output: 5 h é|l|l|o
// expect-output: 10,,7 10,2,7 ,,1
// expect-output: D none2
// expect-output: b,a 1 2
// expect-output: 0 false
// expect-output: {"first":1,"second":2}
// expect-output: 3 x y
// expect-output: one 1
// expect-output: two 2
// expect-output: TypeError
// expect-output: TypeError
// expect-output: t
// expect-output: A 2
