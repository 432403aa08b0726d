// generators: return/throw, early exit, delegation.
function* g() { const log = []; try { const x = yield 1; log.push('got' + x); yield 2; yield 3; } finally { console.log('cleanup', JSON.stringify(log)); } }
const it = g(); console.log(JSON.stringify(it.next()), JSON.stringify(it.next('A')), JSON.stringify(it.return('R')), JSON.stringify(it.next()));
const it2 = g(); it2.next(); try { it2.throw(new Error('injected')); } catch (e) { console.log('thrown out', e.message); } console.log(JSON.stringify(it2.next()));
function* catcher() { while (true) { try { yield 'waiting'; } catch (e) { console.log('caught inside', e); } } }
const c = catcher(); c.next(); console.log(JSON.stringify(c.throw('E1')), JSON.stringify(c.return(5)));
const fresh = g(); console.log(JSON.stringify(fresh.return('early')), JSON.stringify(fresh.next()));
const unstarted = g(); try { unstarted.throw(new Error('before start')); } catch (e) { console.log('unstarted', e.message); }
for (const v of g()) { if (v === 2) break; }
function* inner() { const r = yield 'i1'; return 'inner-ret:' + r; }
function* outer() { yield* inner(); yield* [10, 20]; return 'done'; }
const o = outer(); console.log(JSON.stringify([o.next(), o.next('X'), o.next(), o.next(), o.next()]));
function* fin() { try { yield 1; } finally { yield 'in-finally'; } }
const f = fin(); f.next(); console.log(JSON.stringify(f.return('r')), JSON.stringify(f.next()));
function* fib() { let [a, b] = [0, 1]; for (;;) { yield a; [a, b] = [b, a + b]; } }
const firstTen = []; for (const n of fib()) { if (firstTen.length === 10) break; firstTen.push(n); } console.log(firstTen.join());
const [x, y, ...rest] = (function* () { yield 1; yield 2; yield 3; yield 4; })(); console.log(x, y, rest.join());
function* args() { yield arguments.length; yield this === undefined ? 'undef' : typeof this; } console.log([...args(1, 2, 3)].join());
const genObj = { *[Symbol.iterator]() { yield 'a'; yield 'b'; } }; console.log([...genObj].join(), Array.from(genObj, (s) => s.toUpperCase()).join());
const running = (function* self() { try { running.next(); } catch (e) { yield e.constructor.name; } })(); console.log(running.next().value);
const gi = g(); console.log(typeof gi.next, gi[Symbol.iterator]() === gi, typeof g.prototype);
// expect-output: cleanup ["gotA"]
// expect-output: {"value":1,"done":false} {"value":2,"done":false} {"value":"R","done":true} {"done":true}
// expect-output: cleanup []
// expect-output: thrown out injected
// expect-output: {"done":true}
// expect-output: caught inside E1
// expect-output: {"value":"waiting","done":false} {"value":5,"done":true}
// expect-output: {"value":"early","done":true} {"done":true}
// expect-output: unstarted before start
// expect-output: cleanup ["gotundefined"]
// expect-output: [{"value":"i1","done":false},{"value":10,"done":false},{"value":20,"done":false},{"value":"done","done":true},{"done":true}]
// expect-output: {"value":"in-finally","done":false} {"value":"r","done":true}
// expect-output: 0,1,1,2,3,5,8,13,21,34
// expect-output: 1 2 3,4
// expect-output: 3,object
// expect-output: a,b A,B
// expect-output: TypeError
// expect-output: function true object
