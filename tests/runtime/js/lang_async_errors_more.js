// async error handling: rejections, finally with await, for await, Promise.all failures.
const sleep = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
async function withFinally() { const log = []; try { log.push('try'); await sleep(1); throw new Error('fail'); } catch (e) { log.push('catch ' + e.message); await sleep(1); return 'from catch'; } finally { log.push('finally'); await null; console.log(log.join()); } }
async function retry(fn, n) { for (let i = 1; ; i++) { try { return await fn(i); } catch (e) { if (i >= n) throw new Error('gave up after ' + i, { cause: e }); } } }
async function main() {
  console.log(await withFinally());
  console.log(await retry(async (i) => { if (i < 3) throw new Error('try ' + i); return 'ok at ' + i; }, 5));
  try { await retry(async (i) => { throw new Error('always ' + i); }, 2); } catch (e) { console.log(e.message, '/', e.cause.message); }
  const results = []; for await (const v of [sleep(3, 'a'), 'b', Promise.resolve('c')]) results.push(v); console.log(results.join());
  try { await Promise.all([sleep(5, 1), Promise.reject(new RangeError('bad')), sleep(1, 2)]); } catch (e) { console.log(e.name, e.message); }
  const settled = await Promise.allSettled([Promise.reject(1), 2]); console.log(JSON.stringify(settled));
  const timeout = (p, ms) => Promise.race([p, new Promise((_, rej) => setTimeout(() => rej(new Error('timeout')), ms))]);
  console.log(await timeout(sleep(2, 'fast enough'), 10)); try { await timeout(sleep(20, 'slow'), 5); } catch (e) { console.log(e.message); }
  const chained = await Promise.resolve(1).then((v) => { throw new Error('in then ' + v); }).catch((e) => e.message + ' caught').then((m) => m + ', continued'); console.log(chained);
  const thrownNonError = await (async () => { throw 'plain string'; })().catch((e) => typeof e + ':' + e); console.log(thrownNonError);
  const order = []; await Promise.all([(async () => { order.push('a1'); await null; order.push('a2'); })(), (async () => { order.push('b1'); await null; order.push('b2'); })()]); console.log(order.join());
}
main().then(() => console.log('main done'));
// expect-output: try,catch fail,finally
// expect-output: from catch
// expect-output: ok at 3
// expect-output: gave up after 2 / always 2
// expect-output: a,b,c
// expect-output: RangeError bad
// expect-output: [{"status":"rejected","reason":1},{"status":"fulfilled","value":2}]
// expect-output: fast enough
// expect-output: timeout
// expect-output: in then 1 caught, continued
// expect-output: string:plain string
// expect-output: a1,b1,a2,b2
// expect-output: main done
