const log = [];
async function a1() { log.push('a1 start'); await null; log.push('a1 after await'); return 'a1'; }
Promise.resolve().then(() => log.push('micro1'));
a1().then((v) => log.push('then ' + v));
Promise.resolve().then(() => log.push('qm'));
log.push('sync end');
const tick = (n) => n ? Promise.resolve().then(() => tick(n - 1)) : Promise.resolve();
const later = (v, n) => tick(n).then(() => v);
(async () => {
  await tick(5);
  console.log(log.join(' | '));
  const r = await Promise.all([1, Promise.resolve(2), later(3, 2)]);
  console.log(r);
  const s = await Promise.allSettled([Promise.reject(new Error('no')), 5]);
  console.log(s[0].status, s[0].reason.message, s[1].status, s[1].value);
  console.log(await Promise.race([later('slow', 3), Promise.resolve('fast')]));
  console.log(await Promise.any([Promise.reject(1), Promise.resolve('any-ok')]));
  try { await Promise.any([Promise.reject(1), Promise.reject(2)]); } catch (e) { console.log(e.constructor.name, e.errors); }
  try { await Promise.all([1, Promise.reject(new TypeError('all-fail'))]); } catch (e) { console.log(e.name, e.message); }
  try { await (async () => { throw new RangeError('async throw'); })(); } catch (e) { console.log('caught', e.message); }
  console.log(await Promise.all([]), await Promise.allSettled([]));
  const order = []; const p = Promise.resolve();
  p.then(() => order.push(1)).then(() => order.push(3)); p.then(() => order.push(2)).then(() => order.push(4));
  await tick(3); console.log(order.join());
  const f = await Promise.reject(new Error('x')).catch((e) => 'recovered ' + e.message).finally(() => order.push('fin')); console.log(f, order.at(-1));
  const thenable = { then(res) { res('thenable value'); } }; console.log(await thenable);
  async function seq() { const out = []; for (const n of [3, 1, 2]) out.push(await later(n, n)); return out; } console.log(await seq());
  const race = []; await Promise.all([3, 1, 2].map((n) => later(n, n).then((v) => race.push(v)))); console.log(race);
  console.log(typeof a1, Object.prototype.toString.call(a1()));
  const rej = Promise.reject(new Error('handled later')); await tick(1); rej.catch((e) => console.log('late catch', e.message)); await tick(2);
  async function ret() { return Promise.resolve('unwrapped'); } console.log(await ret());
})();
// expect-output: a1 start | sync end | micro1 | a1 after await | qm | then a1
// expect-output: [ 1, 2, 3 ]
// expect-output: rejected no fulfilled 5
// expect-output: fast
// expect-output: any-ok
// expect-output: AggregateError [ 1, 2 ]
// expect-output: TypeError all-fail
// expect-output: caught async throw
// expect-output: [] []
// expect-output: 1,2,3,4
// expect-output: recovered x fin
// expect-output: thenable value
// expect-output: [ 3, 1, 2 ]
// expect-output: [ 1, 2, 3 ]
// expect-output: function [object Promise]
// expect-output: late catch handled later
// expect-output: unwrapped
