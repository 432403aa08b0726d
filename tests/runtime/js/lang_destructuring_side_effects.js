// destructuring defaults with side effects, evaluation order.
const log = [];
const d = (name, v) => { log.push(name); return v; };
const { a = d('a', 1), b = d('b', 2), c = d('c', 3) } = { a: 0, b: undefined, c: null };
console.log(a, b, c, log.join()); log.length = 0;
const [p = d('p', 'P'), q = d('q', 'Q')] = ['given']; console.log(p, q, log.join()); log.length = 0;
const src = { get x() { log.push('get x'); return 1; }, get y() { log.push('get y'); return undefined; } };
const { y = d('default y', 'dy'), x } = src; console.log(x, y, log.join()); log.length = 0;
let i = 0; const [m = ++i, n = ++i, o = ++i] = [undefined, 5]; console.log(m, n, o, i);
const { [d('key', 'k')]: kv = d('kdef', 'KD') } = {}; console.log(kv, log.join()); log.length = 0;
function fn({ u = 1, v = u + 1 } = {}, [w = v * 2] = []) { return [u, v, w].join(); } console.log(fn(), fn({ u: 10 }), fn({ v: 0 }, [undefined]));
const { length, 0: first, [1]: second } = 'hey'; console.log(length, first, second);
try { const { z } = null; } catch (e) { console.log(e.constructor.name); }
try { const [z] = {}; } catch (e) { console.log(e.constructor.name); }
const { t: { deep = 'dd' } = {} } = {}; console.log(deep);
let s1 = 1, s2 = 2; [s1, s2] = [s2, s1]; console.log(s1, s2);
const target = {}; ({ a: target.x, b: target['y'] = 'defY' } = { a: 'X' }); console.log(JSON.stringify(target));
const arr = []; [arr[0], arr[1] = arr[0] + '!'] = ['first']; console.log(arr.join());
const { aa, ...others } = { aa: 1, bb: 2, cc: 3 }; console.log(aa, JSON.stringify(others));
const [, , third = 'none', ...tail] = [1, 2]; console.log(third, tail.length);
const iterLog = []; const iterable = { *[Symbol.iterator]() { iterLog.push('start'); yield 1; iterLog.push('second'); yield 2; iterLog.push('never'); } };
for (const { id, tags: [firstTag = 'none'] = [] } of [{ id: 1, tags: ['x'] }, { id: 2 }]) console.log(id, firstTag);
// expect-output: 0 2 null b
// expect-output: given Q q
// expect-output: 1 dy get y,default y,get x
// expect-output: 1 5 2 2
// expect-output: KD key,kdef
// expect-output: 1,2,4 10,11,22 1,0,0
// expect-output: 3 h e
// expect-output: TypeError
// expect-output: TypeError
// expect-output: dd
// expect-output: 2 1
// expect-output: {"x":"X","y":"defY"}
// expect-output: first,first!
// expect-output: 1 {"bb":2,"cc":3}
// expect-output: none 0
// expect-output: 1 x
// expect-output: 2 none
