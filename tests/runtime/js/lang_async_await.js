class Tree { constructor(v, kids = []) { this.v = v; this.kids = kids; } *[Symbol.iterator]() { yield this.v; for (const k of this.kids) yield* k; } }
console.log([...new Tree(1, [new Tree(2, [new Tree(3)]), new Tree(4)])].join());
async function fetchish(x) { await null; return x * 2; }
async function main() {
  const a = await fetchish(1);
  const b = await Promise.all([fetchish(2), fetchish(3)]);
  try { await Promise.reject(new Error('nope')); } catch (e) { console.log('caught', e.message); }
  const arrow = async () => { await 1; return 'arrow'; };
  console.log(a, b.join(), await arrow());
  return 'main done';
}
main().then(v => console.log(v));
console.log('sync end');
const order = [];
(async () => { order.push(1); await undefined; order.push(3); })();
order.push(2);
Promise.resolve().then(() => Promise.resolve()).then(() => console.log(order.join()));
async function thrower() { throw new TypeError('async fail'); }
thrower().catch(e => console.log('rejected with', e.name));
async function sequence() { const r = []; for (const x of [1, 2, 3]) r.push(await Promise.resolve(x * 10)); return r; }
sequence().then(r => console.log('sequence', r.join()));
class Svc { constructor() { this.n = 5; } async get() { await null; return this.n; } }
new Svc().get().then(v => console.log('method', v));
// expect-output: 1,2,3,4
// expect-output: sync end
// expect-output: rejected with TypeError
// expect-output: method 5
// expect-output: 1,2,3
// expect-output: sequence 10,20,30
// expect-output: caught nope
// expect-output: 2 4,6 arrow
// expect-output: main done
