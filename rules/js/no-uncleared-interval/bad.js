// Fixture: no-uncleared-interval, cases that MUST be reported.
// Env: default (node + browser). Sloppy CommonJS-style script.
//
// Marker syntax: `// expect: <id> [error|warning] ["message substring"]`.

function poll() {}
function tick() {}

// ==== Discarded handles ====

function discardedInFunctionCase() {
  // expect: no-uncleared-interval error "setInterval handle is discarded: the interval can never be cleared"
  setInterval(poll, 1000);
}

// Module level runs once: a daemon, reported as a warning.
// expect: no-uncleared-interval warning "setInterval handle is discarded"
setInterval(tick, 60000);

function discardedArrowCallbackCase(res) {
  // expect: no-uncleared-interval error "discarded"
  setInterval(() => res.write('.'), 1000);
}

function discardedUnrefCase() {
  // `.unref()` lets the process exit, but the interval still runs forever.
  // expect: no-uncleared-interval error
  setInterval(poll, 1000).unref();
}

function discardedGlobalThisCase() {
  // expect: no-uncleared-interval error "discarded"
  globalThis.setInterval(poll, 1000);
}

function discardedWindowCase() {
  // expect: no-uncleared-interval error "discarded"
  window.setInterval(poll, 1000);
}

function discardedSelfCase() {
  // expect: no-uncleared-interval error "discarded"
  self.setInterval(poll, 1000);
}

function discardedGlobalCase() {
  // expect: no-uncleared-interval error "discarded"
  global.setInterval(poll, 1000);
}

const timersModule = require('timers');
function discardedTimersModuleCase() {
  // expect: no-uncleared-interval error "discarded"
  timersModule.setInterval(poll, 1000);
}

const nodeTimersModule = require('node:timers');
function discardedNodeTimersCase() {
  // expect: no-uncleared-interval error "discarded"
  nodeTimersModule.setInterval(poll, 1000);
}

function insideCallbackCase(emitter) {
  emitter.on('connect', () => {
    // expect: no-uncleared-interval error "discarded"
    setInterval(poll, 1000);
  });
}

async function asyncFunctionCase() {
  await null;
  // expect: no-uncleared-interval error "discarded"
  setInterval(poll, 1000);
}

// A React effect without a cleanup runs on every mount.
function Ticker() {
  useEffect(() => {
    // expect: no-uncleared-interval error "discarded"
    setInterval(tick, 1000);
  }, []);
  return null;
}

// A loop at module level runs many times: an error.
for (const source of ['a', 'b']) {
  // expect: no-uncleared-interval error "discarded"
  setInterval(() => console.log(source), 1000);
}

// A top-level IIFE runs once: a warning.
(function bootstrapOnce() {
  // expect: no-uncleared-interval warning "discarded"
  setInterval(tick, 30000);
})();

class StaticBlockDaemon {
  static {
    // A class static block runs once: a warning.
    // expect: no-uncleared-interval warning "discarded"
    setInterval(tick, 30000);
  }
}

// ==== Stored but never cleared ====

function storedLocalCase() {
  // expect: no-uncleared-interval error "interval handle 'localHandle' is never cleared"
  const localHandle = setInterval(poll, 1000);
  console.log(localHandle);
}

// expect: no-uncleared-interval warning "interval handle 'heartbeatHandle' is never cleared"
const heartbeatHandle = setInterval(tick, 5000);

let laterAssigned;
function assignedLaterCase() {
  // expect: no-uncleared-interval error "'laterAssigned' is never cleared"
  laterAssigned = setInterval(poll, 1000);
}

// The same name cleared in another function is another binding.
function sameNameStartCase() {
  // expect: no-uncleared-interval error "'sameNameHandle' is never cleared"
  const sameNameHandle = setInterval(poll, 1000);
  return typeof sameNameHandle;
}
function sameNameStopCase(getHandle) {
  const sameNameHandle = getHandle();
  clearInterval(sameNameHandle);
}

// Clearing another handle does not clear this one.
function wrongHandleCase() {
  // expect: no-uncleared-interval error "'firstOfTwo' is never cleared"
  const firstOfTwo = setInterval(poll, 1000);
  const secondOfTwo = setInterval(tick, 1000);
  clearInterval(secondOfTwo);
  return typeof firstOfTwo;
}

function objectPropertyCase() {
  const state = {};
  // expect: no-uncleared-interval error "never cleared"
  state.timer = setInterval(poll, 1000);
  return typeof state;
}

class ConstructorNeverCleared {
  constructor() {
    // expect: no-uncleared-interval error "'this.refresh' is never cleared"
    this.refresh = setInterval(() => this.update(), 1000);
  }
  update() {}
}

// A field initializer runs once per instance, like the constructor.
class FieldInitializerNeverCleared {
  // expect: no-uncleared-interval error "never cleared"
  pulse = setInterval(tick, 1000);
}

class ClearsAnotherProperty {
  constructor() {
    // expect: no-uncleared-interval error "'this.pollTimer' is never cleared"
    this.pollTimer = setInterval(poll, 1000);
  }
  stop() {
    clearInterval(this.otherTimer);
  }
}

// `this.sharedTimer` of another class is another property.
class StartsSharedTimer {
  constructor() {
    // expect: no-uncleared-interval error "'this.sharedTimer' is never cleared"
    this.sharedTimer = setInterval(poll, 1000);
  }
}
class ClearsSharedTimer {
  stop() {
    clearInterval(this.sharedTimer);
  }
}

// ==== Overwritten handles ====

class OverwritingPoller {
  start() {
    // expect: no-uncleared-interval error "'this.timer' is overwritten by setInterval without clearing the previous interval"
    this.timer = setInterval(() => this.poll(), 5000);
  }
  stop() {
    clearInterval(this.timer);
  }
  poll() {}
}

class OverwritingArrowField {
  begin = () => {
    // expect: no-uncleared-interval error "'this.ticker' is overwritten"
    this.ticker = setInterval(tick, 1000);
  };
  end() {
    clearInterval(this.ticker);
  }
}

class ClearsAnotherBeforeOverwrite {
  start() {
    clearInterval(this.previous);
    // expect: no-uncleared-interval error "'this.current' is overwritten"
    this.current = setInterval(tick, 1000);
  }
  stop() {
    clearInterval(this.current);
  }
}

// Collected in an array that nothing ever clears.
const neverClearedHandles = [];
function pushedNeverClearedCase() {
  // expect: no-uncleared-interval error
  neverClearedHandles.push(setInterval(poll, 1000));
}

class OverwritingNeverCleared {
  restart() {
    // expect: no-uncleared-interval error "'this.loop'"
    this.loop = setInterval(tick, 1000);
  }
}
