// Fixture: no-uncleared-interval with `setInterval` destructured from
// require('timers'): the same timer, under the same name.
// Env: default (node). CommonJS.
const { setInterval, clearInterval } = require('timers');

function destructuredDiscardCase() {
  // expect: no-uncleared-interval error "discarded"
  setInterval(() => {}, 1000);
}

function destructuredStoredCase() {
  // expect: no-uncleared-interval error "'keptHandle' is never cleared"
  const keptHandle = setInterval(() => {}, 1000);
  return typeof keptHandle;
}

function destructuredClearedCase() {
  // ok: no-uncleared-interval
  const clearedHandle = setInterval(() => {}, 1000);
  setTimeout(() => clearInterval(clearedHandle), 5000);
}

module.exports = { destructuredDiscardCase, destructuredStoredCase, destructuredClearedCase };
