// async/await ordering with nested microtasks.
const log = [];
async function a() { log.push('a-start'); await null; log.push('a-after-await'); await b(); log.push('a-end'); }
async function b() { log.push('b-start'); await Promise.resolve(); log.push('b-end'); }
log.push('sync-1');
a().then(() => log.push('a-resolved'));
Promise.resolve().then(() => { log.push('p1'); Promise.resolve().then(() => log.push('p1-nested')); }).then(() => log.push('p2'));
queueMicrotask(() => log.push('qm'));
process.nextTick(() => log.push('tick'));
setTimeout(() => log.push('timeout'), 0);
log.push('sync-2');
setTimeout(() => console.log(log.join('\n')), 50);
async function returnsPromise() { return Promise.resolve('rp'); }
async function returnsValue() { return 'rv'; }
const order2 = [];
returnsPromise().then((v) => order2.push(v)); returnsValue().then((v) => order2.push(v));
Promise.resolve().then(() => order2.push('x1')).then(() => order2.push('x2')).then(() => order2.push('x3'));
setTimeout(() => console.log(order2.join()), 1);
async function thrower() { await null; throw new Error('async-boom'); }
thrower().catch((e) => console.log('caught', e.message));
(async () => { try { await Promise.reject(new TypeError('awaited-reject')); } catch (e) { console.log('try/await', e.name); } finally { console.log('async finally'); } })();
(async () => { const r = await Promise.all([1, 2].map(async (x) => { await null; return x * 2; })); console.log('mapped', r.join()); })();
(async () => { const results = []; for (const ms of [3, 1, 2]) results.push(await new Promise((r) => setTimeout(() => r(ms), ms))); console.log('sequential', results.join()); })();
(async () => { const v = await { then(r) { r('thenable-awaited'); } }; console.log(v); })();
// expect-output: try/await TypeError
// expect-output: async finally
// expect-output: caught async-boom
// expect-output: thenable-awaited
// expect-output: mapped 2,4
// expect-output: rv,x1,x2,rp,x3
// expect-output: sequential 3,1,2
// expect-output: sync-1
// expect-output: a-start
// expect-output: sync-2
// expect-output: tick
// expect-output: a-after-await
// expect-output: b-start
// expect-output: p1
// expect-output: qm
// expect-output: b-end
// expect-output: p1-nested
// expect-output: p2
// expect-output: a-end
// expect-output: a-resolved
// expect-output: timeout
