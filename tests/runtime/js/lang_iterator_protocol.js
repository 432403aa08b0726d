const iterable = { from: 1, to: 4, [Symbol.iterator]() { let c = this.from, t = this.to; return { next: () => c <= t ? { value: c++, done: false } : { value: undefined, done: true } }; } };
console.log([...iterable], Array.from(iterable).length, Math.max(...iterable));
const closeLog = []; const closable = { [Symbol.iterator]() { let i = 0; return { next() { return { value: i++, done: false }; }, return() { closeLog.push('closed'); return { done: true }; } }; } };
for (const v of closable) { if (v === 2) break; } console.log(closeLog.join());
try { for (const v of closable) { throw new Error('in loop ' + v); } } catch (e) { console.log(e.message, closeLog.length); }
const arrIt = [10, 20][Symbol.iterator](); console.log(JSON.stringify(arrIt.next()), JSON.stringify(arrIt.next()), JSON.stringify(arrIt.next()));
const strIt = 'a😀b'[Symbol.iterator](); console.log([...strIt].length, [...'a😀b'].map((c) => c.length).join());
const m = new Map([['k1', 1], ['k2', 2]]); const mi = m.entries(); console.log(mi.next().value, [...mi], [...m.keys()], [...m.values()]);
const s = new Set(['x', 'y']); console.log([...s.entries()], [...s.keys()]);
const e = ['a', 'b'].entries(); console.log([...e], [...['a', 'b'].keys()]);
try { for (const x of 5) {} } catch (err) { console.log(err.constructor.name); }
try { [...{}]; } catch (err) { console.log(err.constructor.name); }
const noDone = { [Symbol.iterator]() { let i = 0; return { next() { return i < 2 ? { value: i++ } : { done: true }; } }; } }; console.log([...noDone]);
console.log(typeof [][Symbol.iterator], [][Symbol.iterator] === [].values, typeof Symbol.asyncIterator);
const obj = { a: 1, b: 2 }; for (const [k, v] of Object.entries(obj)) console.log(k, v);
const argsIt = (function () { return [...arguments]; })(1, 2); console.log(argsIt);
// expect-output: [ 1, 2, 3, 4 ] 4 4
// expect-output: closed
// expect-output: in loop 0 2
// expect-output: {"value":10,"done":false} {"value":20,"done":false} {"done":true}
// expect-output: 3 1,2,1
// expect-output: [ 'k1', 1 ] [ [ 'k2', 2 ] ] [ 'k1', 'k2' ] [ 1, 2 ]
// expect-output: [ [ 'x', 'x' ], [ 'y', 'y' ] ] [ 'x', 'y' ]
// expect-output: [ [ 0, 'a' ], [ 1, 'b' ] ] [ 0, 1 ]
// expect-output: TypeError
// expect-output: TypeError
// expect-output: [ 0, 1 ]
// expect-output: function true symbol
// expect-output: a 1
// expect-output: b 2
// expect-output: [ 1, 2 ]
