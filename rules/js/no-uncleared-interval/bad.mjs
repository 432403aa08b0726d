// Fixture: no-uncleared-interval in an ES module, with `setInterval`
// imported from the timers module.
// Env: default (node).
import { setInterval, clearInterval } from 'node:timers';

export function importedDiscardCase() {
  // expect: no-uncleared-interval error "discarded"
  setInterval(() => {}, 1000);
}

export function importedClearedCase() {
  // ok: no-uncleared-interval
  const h = setInterval(() => {}, 1000);
  return () => clearInterval(h);
}

// Module level in an ES module runs once too: a warning.
// expect: no-uncleared-interval warning "'moduleTicker' is never cleared"
export const moduleTicker = setInterval(() => {}, 60000);

// A renamed import from the timers module is still setInterval.
import { setInterval as every } from 'node:timers';

export function renamedTimersImportCase() {
  // expect: no-uncleared-interval error "discarded"
  every(poll, 1000);
}
