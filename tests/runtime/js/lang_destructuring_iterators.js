// Array destructuring steps the iterator only as far as the pattern reads
// and closes it (return()) when it stops early; elisions, rest, defaults,
// nested patterns, strings, errors in next() and in targets.
function* nat() { let i = 0; try { for (;;) yield i++; } finally { console.log('closed at', i); } }
const [a, b] = nat(); console.log(a, b);
const [, , c] = nat(); console.log(c);
const [x, ...rest] = [1, 2, 3]; console.log(x, rest);
const [p = 5, q = 6] = [undefined]; console.log(p, q);
function* three() { yield 1; yield 2; yield 3; }
const [m, n, o, z] = three(); console.log(m, n, o, z);
const [[d1, d2], [e1]] = [[1, 2], nat()]; console.log(d1, d2, e1);
let s1, s2; [s1, s2] = 'hé'; console.log(s1, s2);
const [h1, , ] = nat(); console.log(h1);
try { const [k] = { [Symbol.iterator]() { return { next() { throw new Error('next boom'); }, return() { console.log('not called'); } }; } }; } catch (e) { console.log(e.message); }
const tgt = {}; try { [tgt.a, (() => { throw new Error('target boom'); })().b] = nat(); } catch (e) { console.log(e.message, tgt.a); }
// expect-output: closed at 2
// expect-output: 0 1
// expect-output: closed at 3
// expect-output: 2
// expect-output: 1 [ 2, 3 ]
// expect-output: 5 6
// expect-output: 1 2 3 undefined
// expect-output: closed at 1
// expect-output: 1 2 0
// expect-output: h é
// expect-output: closed at 2
// expect-output: 0
// expect-output: next boom
// expect-output: closed at 1
// expect-output: target boom 0
