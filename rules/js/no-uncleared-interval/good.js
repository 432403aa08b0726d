// Fixture: no-uncleared-interval, near-misses that must NOT be reported.
// Env: default (node + browser). Sloppy CommonJS-style script.

function poll() {}
function tick() {}

// ==== Cleared somewhere ====

function clearedInOwnCallbackCase(isDone) {
  // ok: no-uncleared-interval
  const selfStopping = setInterval(() => {
    if (isDone()) clearInterval(selfStopping);
  }, 100);
}

function clearedLaterInSameFunctionCase(work) {
  // ok: no-uncleared-interval
  const progress = setInterval(() => console.log('.'), 500);
  return work().finally(() => clearInterval(progress));
}

function clearedWithClearTimeoutCase() {
  // ok: no-uncleared-interval
  const viaClearTimeout = setInterval(tick, 100);
  setTimeout(() => clearTimeout(viaClearTimeout), 1000);
}

function clearedThroughWindowCase() {
  // ok: no-uncleared-interval
  const windowHandle = window.setInterval(tick, 100);
  window.addEventListener('pagehide', () => window.clearInterval(windowHandle), { once: true });
}

const timersModule = require('timers');
function clearedThroughTimersCase() {
  // ok: no-uncleared-interval
  const timersHandle = timersModule.setInterval(tick, 100);
  return () => timersModule.clearInterval(timersHandle);
}

function returnedDisposerCase() {
  // ok: no-uncleared-interval
  const disposable = setInterval(poll, 1000);
  return () => clearInterval(disposable);
}

function abortSignalCase(signal) {
  // ok: no-uncleared-interval
  const abortable = setInterval(poll, 1000);
  signal.addEventListener('abort', () => clearInterval(abortable), { once: true });
}

function clearedOnResponseCloseCase(res) {
  // ok: no-uncleared-interval
  const streaming = setInterval(() => res.write('.'), 1000);
  res.once('close', () => clearInterval(streaming));
}

function objectPropertyClearedCase() {
  const job = {};
  // ok: no-uncleared-interval
  job.timer = setInterval(poll, 1000);
  job.cancel = () => clearInterval(job.timer);
  return job;
}

// Module level, cleared on shutdown.
// ok: no-uncleared-interval
const metricsFlush = setInterval(tick, 10000);
process.once('SIGTERM', () => clearInterval(metricsFlush));

// ==== Class lifecycles ====

class StopsInStop {
  constructor() {
    // ok: no-uncleared-interval
    this.timer = setInterval(() => this.poll(), 1000);
  }
  poll() {}
  stop() {
    clearInterval(this.timer);
  }
}

class StopsInClose {
  constructor() {
    // ok: no-uncleared-interval
    this.keepAlive = setInterval(tick, 1000);
  }
  close() {
    clearInterval(this.keepAlive);
  }
}

class StopsInDispose {
  constructor() {
    // ok: no-uncleared-interval
    this.sampler = setInterval(tick, 1000);
  }
  dispose() {
    clearInterval(this.sampler);
  }
}

class StopsInDestroy {
  constructor() {
    // ok: no-uncleared-interval
    this.blink = setInterval(tick, 500);
  }
  destroy() {
    clearInterval(this.blink);
  }
}

class ReactClock {
  componentDidMount() {
    // Runs once per instance, paired with componentWillUnmount.
    // ok: no-uncleared-interval
    this.clockTimer = setInterval(() => this.tick(), 1000);
  }
  componentWillUnmount() {
    clearInterval(this.clockTimer);
  }
  tick() {}
}

class GuardedStart {
  start() {
    if (this.timer) return;
    // ok: no-uncleared-interval
    this.timer = setInterval(poll, 1000);
  }
  stop() {
    clearInterval(this.timer);
    this.timer = null;
  }
}

class ClearsBeforeRestart {
  restart() {
    clearInterval(this.timer);
    // ok: no-uncleared-interval
    this.timer = setInterval(poll, 1000);
  }
  stop() {
    clearInterval(this.timer);
  }
}

class GuardedByNegation {
  start() {
    if (!this.timer) {
      // ok: no-uncleared-interval
      this.timer = setInterval(poll, 1000);
    }
  }
  stop() {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}

class FieldInitializerCleared {
  // ok: no-uncleared-interval
  pulse = setInterval(tick, 1000);
  destroy() {
    clearInterval(this.pulse);
  }
}

// A module-level handle cleared by a function that stops the work.
// ok: no-uncleared-interval
let moduleHandle = setInterval(tick, 1000);
function stopModuleWork() {
  clearInterval(moduleHandle);
  moduleHandle = null;
}

// A React effect that returns its cleanup.
function Clock() {
  useEffect(() => {
    // ok: no-uncleared-interval
    const id = setInterval(tick, 1000);
    return () => {
      clearInterval(id);
    };
  }, []);
  return null;
}

class GuardedByLogicalAssignment {
  start() {
    // `??=` assigns only when no interval is stored yet.
    // ok: no-uncleared-interval
    this.timer ??= setInterval(poll, 1000);
  }
  stop() {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}

function returnsStopperCase() {
  // ok: no-uncleared-interval
  const stoppable = setInterval(poll, 1000);
  return {
    stop() {
      clearInterval(stoppable);
    },
  };
}

// ==== Ownership passes to the caller ====

function returnsCallCase() {
  // ok: no-uncleared-interval
  return setInterval(poll, 1000);
}

function returnsHandleCase() {
  // ok: no-uncleared-interval
  const returnedHandle = setInterval(poll, 1000);
  return returnedHandle;
}

function returnsObjectCase() {
  // ok: no-uncleared-interval
  const shorthandHandle = setInterval(poll, 1000);
  return { shorthandHandle };
}

const returnsFromArrowCase = () =>
  // ok: no-uncleared-interval
  setInterval(poll, 1000);

// ==== Collections cleared element by element ====

const everyHandle = [];
function collectedForEachCase() {
  // ok: no-uncleared-interval
  everyHandle.push(setInterval(poll, 1000));
}
function stopAllForEach() {
  everyHandle.forEach(clearInterval);
}

const loopHandles = [];
function collectedForOfCase() {
  // ok: no-uncleared-interval
  loopHandles.push(setInterval(tick, 1000));
}
function stopAllForOf() {
  for (const h of loopHandles) clearInterval(h);
}

// ==== Not the timer function ====

function shadowedByLocalFunctionCase() {
  function setInterval(fn) {
    fn();
    return 0;
  }
  // ok: no-uncleared-interval
  setInterval(poll, 1000);
}

function setTimeoutIsAnotherRuleCase() {
  // ok: no-uncleared-interval
  setTimeout(poll, 1000);
}

function methodNamedSetIntervalCase(scheduler) {
  // ok: no-uncleared-interval
  scheduler.setInterval(poll, 1000);
}
