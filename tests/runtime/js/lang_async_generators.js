// async function*: for await, yield* (async and sync inner), queued requests, return/throw, errors.
async function* count(n) { for (let i = 0; i < n; i++) { await null; yield i; } return 'end'; }
async function* wrap() { const r = yield* count(2); yield 'r=' + r; yield Promise.resolve('awaited'); }
(async () => {
  const out = [];
  for await (const x of count(3)) out.push(x);
  console.log(out.join());
  const it = wrap();
  console.log(JSON.stringify(await it.next()), JSON.stringify(await it.next()), JSON.stringify(await it.next()), JSON.stringify(await it.next()), JSON.stringify(await it.next()));
  const g = count(5);
  const ps = [g.next(), g.next(), g.return('stop'), g.next()];
  console.log(JSON.stringify(await Promise.all(ps)));
  async function* boom() { yield 1; throw new Error('bad'); }
  const b = boom();
  console.log((await b.next()).value);
  try { await b.next(); } catch (e) { console.log('caught', e.message); }
  console.log(JSON.stringify(await b.next()));
  const t = count(2); await t.next();
  try { await t.throw(new Error('thrown')); } catch (e) { console.log('t', e.message); }
  class Q { async *items() { yield* [10, 20]; } }
  const got = []; for await (const v of new Q().items()) got.push(v); console.log(got.join(), Object.prototype.toString.call(count(1)), typeof count(1)[Symbol.asyncIterator]);
})();
// expect-output: 0,1,2
// expect-output: {"value":0,"done":false} {"value":1,"done":false} {"value":"r=end","done":false} {"value":"awaited","done":false} {"done":true}
// expect-output: [{"value":0,"done":false},{"value":1,"done":false},{"value":"stop","done":true},{"done":true}]
// expect-output: 1
// expect-output: caught bad
// expect-output: {"done":true}
// expect-output: t thrown
// expect-output: 10,20 [object AsyncGenerator] function
