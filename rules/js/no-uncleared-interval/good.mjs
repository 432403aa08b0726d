// Fixture: no-uncleared-interval near-misses in an ES module.
// Env: default (node).
// `timers/promises` exports an async iterator named setInterval: it stops
// when the loop ends, and there is no handle to clear.
import { setInterval as intervalIterator } from 'node:timers/promises';
import { setInterval } from 'timers/promises';

export async function iteratorCase(signal) {
  // ok: no-uncleared-interval
  for await (const startTime of setInterval(1000, Date.now(), { signal })) {
    console.log(startTime);
  }
}

export async function renamedIteratorCase() {
  let n = 0;
  // ok: no-uncleared-interval
  for await (const _ of intervalIterator(100)) {
    if (++n === 3) break;
  }
}
