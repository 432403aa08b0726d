// Promise combinators and ordering with then-chains.
const log = [];
const delay = (ms, v, fail) => new Promise((res, rej) => setTimeout(() => (fail ? rej(new Error(v)) : res(v)), ms));
Promise.resolve().then(() => log.push('a1')).then(() => log.push('a2')).then(() => log.push('a3'));
Promise.resolve().then(() => log.push('b1')).then(() => log.push('b2'));
Promise.all([1, Promise.resolve(2), delay(5, 3)]).then((v) => console.log('all', JSON.stringify(v)));
Promise.all([delay(10, 'x'), delay(1, 'bad', true)]).catch((e) => console.log('all rejected', e.message));
Promise.allSettled([delay(3, 'ok'), delay(1, 'no', true), 7]).then((r) => console.log('allSettled', JSON.stringify(r.map((x) => x.status + ':' + (x.value ?? x.reason.message)))));
Promise.any([delay(4, 'e1', true), delay(6, 'slow'), delay(2, 'fast')]).then((v) => console.log('any', v));
Promise.any([Promise.reject(new Error('r1')), Promise.reject(new Error('r2'))]).catch((e) => console.log('any failed', e.constructor.name, e.errors.map((x) => x.message).join()));
Promise.race([delay(8, 'late'), delay(3, 'early')]).then((v) => console.log('race', v));
Promise.race([]).then(() => console.log('never'));
Promise.all([]).then((v) => log.push('empty-all:' + v.length));
queueMicrotask(() => log.push('qm'));
setTimeout(() => console.log('order', log.join()), 0);
const thenable = { then(res) { log.push('thenable-called'); res('T'); } };
Promise.resolve(thenable).then((v) => log.push('thenable:' + v));
Promise.reject(new Error('late-catch')).catch((e) => e.message).then((m) => log.push(m));
new Promise((res) => { res(1); res(2); }).then((v) => log.push('first-wins:' + v));
const fin = [];
Promise.resolve(1).finally(() => 99).then((v) => fin.push('finally-pass:' + v));
Promise.reject(new Error('f')).finally(() => {}).catch((e) => fin.push('finally-rej:' + e.message));
setTimeout(() => console.log(fin.sort().join()), 20);
const p = Promise.resolve('same'); console.log(Promise.resolve(p) === p, typeof Promise.prototype.then);
// expect-output: true function
// expect-output: any failed AggregateError r1,r2
// expect-output: all rejected bad
// expect-output: order a1,b1,empty-all:0,qm,thenable-called,first-wins:1,a2,b2,thenable:T,late-catch,a3
// expect-output: any fast
// expect-output: allSettled ["fulfilled:ok","rejected:no","fulfilled:7"]
// expect-output: race early
// expect-output: all [1,2,3]
// expect-output: finally-pass:1,finally-rej:f
