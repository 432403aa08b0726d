function* range(a, b, step = 1) { for (let i = a; i < b; i += step) yield i; }
console.log([...range(0, 10, 3)], Array.from(range(1, 4), (x) => x * x));
function* delegate() { yield* sub(); yield 'after sub'; }
function* sub() { yield 's1'; return 'R'; }
console.log([...delegate()]);
const g = range(0, 3); console.log(g[Symbol.iterator]() === g, typeof g.next);
function* twoWay() { const a = yield 'first'; const b = yield a * 2; return a + b; }
const tw = twoWay(); console.log(tw.next('ignored').value, tw.next(5).value, JSON.stringify(tw.next(10)), JSON.stringify(tw.next()));
function* catcher() { while (true) { try { yield 'waiting'; } catch (e) { console.log('caught inside', e); } } }
const c = catcher(); c.next(); console.log(c.throw('E1').value); console.log(JSON.stringify(c.return('bye')));
function* notStarted() { yield 1; } const ns = notStarted(); console.log(JSON.stringify(ns.return(7)), JSON.stringify(ns.next()));
const ns2 = notStarted(); try { ns2.throw(new Error('before start')); } catch (e) { console.log(e.message); } console.log(JSON.stringify(ns2.next()));
const genObj = { *items() { yield* [1, 2]; }, *[Symbol.iterator]() { yield 'it'; } }; console.log([...genObj.items()], [...genObj]);
class Tree { constructor(v, kids = []) { this.v = v; this.kids = kids; } *[Symbol.iterator]() { yield this.v; for (const k of this.kids) yield* k; } }
console.log([...new Tree(1, [new Tree(2, [new Tree(3)]), new Tree(4)])].join());
function* inf() { let i = 0; while (true) yield i++; }
function* take(n, it) { for (const x of it) { if (n-- <= 0) return; yield x; } } console.log([...take(5, inf())]);
const running = (function* self() { try { running.next(); } catch (e) { yield e.constructor.name; } })(); console.log(running.next().value);
const [x1, , x3] = range(10, 20); console.log(x1, x3);
const gf = function* () {}; console.log(typeof gf, JSON.stringify(gf().next()));
function* args() { yield arguments.length; yield arguments[0]; } console.log([...args('a', 'b')]);
// expect-output: [ 0, 3, 6, 9 ] [ 1, 4, 9 ]
// expect-output: [ 's1', 'after sub' ]
// expect-output: true function
// expect-output: first 10 {"value":15,"done":true} {"done":true}
// expect-output: caught inside E1
// expect-output: waiting
// expect-output: {"value":"bye","done":true}
// expect-output: {"value":7,"done":true} {"done":true}
// expect-output: before start
// expect-output: {"done":true}
// expect-output: [ 1, 2 ] [ 'it' ]
// expect-output: 1,2,3,4
// expect-output: [ 0, 1, 2, 3, 4 ]
// expect-output: TypeError
// expect-output: 10 12
// expect-output: function {"done":true}
// expect-output: [ 2, 'a' ]
