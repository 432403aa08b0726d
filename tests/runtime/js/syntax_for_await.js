// for await: async iterables (their next() awaited, return() on early exit),
// sync iterables (each value awaited), destructuring, and errors.
const log = [];
const asyncIt = (n) => ({
  i: 0,
  [Symbol.asyncIterator]() { return this; },
  next() { return Promise.resolve(this.i < n ? { value: this.i++, done: false } : { value: undefined, done: true }); },
  return() { log.push('closed'); return Promise.resolve({ done: true }); },
});
(async () => {
  for await (const x of [Promise.resolve('a'), 'b', Promise.resolve('c')]) log.push(x);
  for await (const v of asyncIt(3)) log.push(v);
  for await (const v of asyncIt(5)) { if (v === 2) break; log.push('v' + v); }
  for await (const [k, v] of new Map([['x', 1], ['y', 2]])) log.push(k + v);
  let total = 0;
  for await (total of [1, 2]) {}
  log.push('total ' + total);
  try {
    for await (const v of { [Symbol.asyncIterator]() { return { next() { return 5; } }; } }) log.push(v);
  } catch (e) { log.push(e.constructor.name); }
  try {
    for await (const v of [Promise.reject(new Error('boom'))]) log.push(v);
  } catch (e) { log.push(e.message); }
  console.log(log.join(' '));
})();
console.log('sync first');
// expect-output: sync first
// expect-output: a b c 0 1 2 v0 v1 closed x1 y2 total 2 TypeError boom
