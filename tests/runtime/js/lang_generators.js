function* count(n) { for (let i = 0; i < n; i++) { const got = yield i; if (got) console.log('got', got); } return 'done'; }
const g = count(3);
console.log(g.next(), g.next('hello'), g.next(), g.next(), g.next());
console.log([...count(4)], Array.from(count(2)));
function* inner() { yield 'a'; yield 'b'; }
function* outer() { yield 1; yield* inner(); yield* [2, 3]; }
console.log([...outer()].join());
function* withFinally() { try { yield 1; yield 2; } finally { console.log('cleanup'); } }
const w = withFinally(); console.log(w.next().value, w.return(9), w.next());
const t = count(5); t.next(); try { t.throw(new Error('boom')); } catch (e) { console.log('thrown out', e.message); }
const fibs = function* () { let [a, b] = [0, 1]; for (;;) { yield a; [a, b] = [b, a + b]; } };
const out = []; for (const f of fibs()) { if (f > 50) break; out.push(f); } console.log(out.join());
const it = count(2)[Symbol.iterator](); console.log(typeof it.next, it.next().value);
function* early() { try { yield 1; yield 2; } finally { console.log('closed early'); } }
for (const x of early()) { console.log('x', x); break; }
const [p, q] = (function* () { yield 'p'; yield 'q'; })(); console.log(p, q);
// expect-output: got hello
// expect-output: { value: 0, done: false } { value: 1, done: false } { value: 2, done: false } { value: 'done', done: true } { value: undefined, done: true }
// expect-output: [ 0, 1, 2, 3 ] [ 0, 1 ]
// expect-output: 1,a,b,2,3
// expect-output: cleanup
// expect-output: 1 { value: 9, done: true } { value: undefined, done: true }
// expect-output: thrown out boom
// expect-output: 0,1,1,2,3,5,8,13,21,34
// expect-output: function 0
// expect-output: x 1
// expect-output: closed early
// expect-output: p q
