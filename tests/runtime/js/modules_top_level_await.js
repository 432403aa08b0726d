// Top-level await: the module body goes on after each await from the
// job queue; for await works there too, and functions see later bindings.
// (Expectations from Node on a .mjs copy: expect-from-node.sh runs CommonJS.)
import { PI2 } from './modules/esm_lib';
const log = console.log;
log('start', PI2);
const v = await new Promise((r) => setTimeout(() => r(42), 10));
log('got', v);
for await (const x of (async function* () { yield 1; yield 2; })()) log('x', x);
export const done = v + 1;
function later() { return done; }
log('later', later());
queueMicrotask(() => log('microtask after the awaits'));
await null;
log('this at the top of an ES module:', typeof this);
log('end');
// expect-output: start 6.28
// expect-output: got 42
// expect-output: x 1
// expect-output: x 2
// expect-output: later 43
// expect-output: microtask after the awaits
// expect-output: this at the top of an ES module: undefined
// expect-output: end
