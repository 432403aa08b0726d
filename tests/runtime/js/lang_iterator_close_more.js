// iterator closing: return() on break/throw/destructuring, manual iterators.
function tracked(values, log) { let i = 0; return { [Symbol.iterator]() { return this; }, next() { log.push('next'); return i < values.length ? { value: values[i++], done: false } : { value: undefined, done: true }; }, return(v) { log.push('return'); return { done: true, value: v }; } }; }
let log = []; for (const v of tracked([1, 2, 3], log)) { if (v === 2) break; } console.log(log.join());
log = []; for (const v of tracked([1, 2], log)) { } console.log(log.join());
log = []; try { for (const v of tracked([1, 2], log)) throw new Error('x'); } catch (e) { log.push('caught'); } console.log(log.join());
log = []; (function () { for (const v of tracked([1, 2], log)) return v; })(); console.log(log.join());
log = []; outer: for (const a of [1, 2]) { for (const v of tracked([1, 2], log)) continue outer; } console.log(log.join());
log = []; const [p, q] = tracked([1], log); console.log(p, q, log.join());
const manual = [10, 20][Symbol.iterator](); console.log(JSON.stringify(manual.next()), JSON.stringify(manual.next()), JSON.stringify(manual.next()), JSON.stringify(manual.next()));
const entries = new Map([['k', 'v']]).entries(); console.log(JSON.stringify(entries.next()), entries.next().done);
const strIt = 'ab'[Symbol.iterator](); console.log(strIt.next().value, strIt.next().value, strIt.next().done);
function* g() { try { yield 1; yield 2; } finally { console.log('gen finally'); } }
for (const v of g()) { if (v === 1) break; }
const gi = g(); for (const v of gi) { break; } console.log(JSON.stringify(gi.next()));
const noReturn = { [Symbol.iterator]() { let n = 0; return { next: () => ({ value: n++, done: n > 5 }) }; } }; const got = []; for (const v of noReturn) { if (v > 2) break; got.push(v); } console.log(got.join());
log = []; const arrFrom = Array.from(tracked(['x', 'y'], log)); console.log(arrFrom.join(), log.join());
const keysIt = Object.keys({ a: 1, b: 2 }).values(); console.log([...keysIt].join(), [...keysIt].length);
// expect-output: next,next,return
// expect-output: next,next,next
// expect-output: next,return,caught
// expect-output: next,return
// expect-output: next,return,next,return
// expect-output: 1 undefined next,next
// expect-output: {"value":10,"done":false} {"value":20,"done":false} {"done":true} {"done":true}
// expect-output: {"value":["k","v"],"done":false} true
// expect-output: a b true
// expect-output: gen finally
// expect-output: gen finally
// expect-output: {"done":true}
// expect-output: 0,1,2
// expect-output: x,y next,next,next
// expect-output: a,b 0
