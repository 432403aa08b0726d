// Fixture: no-unremoved-listener, cases that MUST be reported.
// Env: default (node + browser). Sloppy CommonJS-style script.
//
// Marker syntax: `// expect: <id> [error|warning] ["message substring"]`.
const EventEmitter = require('events');

function layout() {}
function onClickNamed() {}
function onDataNamed() {}
function refresh() {}

// ==== Inline listeners on long-lived targets ====

function inlineArrowOnWindowCase() {
  // expect: no-unremoved-listener error "inline listener for 'resize' on 'window' can never be removed"
  window.addEventListener('resize', () => layout());
}

function inlineFunctionOnProcessCase(res) {
  // expect: no-unremoved-listener error "inline listener for 'SIGTERM' on 'process' can never be removed"
  process.on('SIGTERM', function () {
    res.end();
  });
}

function inlineOnDocumentCase() {
  // expect: no-unremoved-listener error "can never be removed"
  document.addEventListener('visibilitychange', () => refresh());
}

function inlineOnGlobalThisCase() {
  // expect: no-unremoved-listener error "on 'globalThis'"
  globalThis.addEventListener('message', (event) => console.log(event.data));
}

function inlineOnSelfCase() {
  // expect: no-unremoved-listener error "on 'self'"
  self.addEventListener('online', () => refresh());
}

function addListenerAliasCase() {
  // expect: no-unremoved-listener error "'exit'"
  process.addListener('exit', () => console.log('bye'));
}

function prependListenerCase() {
  // expect: no-unremoved-listener error "'warning'"
  process.prependListener('warning', (warning) => console.log(warning));
}

function captureOptionIsNotOnceCase() {
  // expect: no-unremoved-listener error
  window.addEventListener('scroll', () => layout(), { capture: true });
}

function onceFalseIsNotOnceCase() {
  // expect: no-unremoved-listener error
  window.addEventListener('focus', () => layout(), { once: false });
}

class BindsInline {
  mount() {
    // expect: no-unremoved-listener error "inline listener for 'resize' on 'window' can never be removed"
    window.addEventListener('resize', this.onResize.bind(this));
  }
  onResize() {}
}

// ==== Named listeners never removed ====

function namedOnDocumentCase() {
  // expect: no-unremoved-listener error "'click'"
  document.addEventListener('click', onClickNamed);
}

const moduleBus = new EventEmitter();
function moduleLevelEmitterCase() {
  // expect: no-unremoved-listener error "'data'"
  moduleBus.on('data', onDataNamed);
}

const moduleButton = document.querySelector('#go');
function moduleLevelElementCase() {
  // expect: no-unremoved-listener error "'click'"
  moduleButton.addEventListener('click', () => refresh());
}

function parameterTargetCase(emitter) {
  // expect: no-unremoved-listener error "'change'"
  emitter.on('change', refresh);
}

class MemberTarget {
  constructor(socket) {
    this.socket = socket;
  }
  attach() {
    // expect: no-unremoved-listener error "'message'"
    this.socket.on('message', (msg) => this.handle(msg));
  }
  handle() {}
}

class BoundOnceNeverRemoved {
  constructor() {
    this.onKey = this.onKey.bind(this);
  }
  listen() {
    // expect: no-unremoved-listener error "'keydown'"
    window.addEventListener('keydown', this.onKey);
  }
  onKey() {}
}

// A callback of a module-level listener runs once per event.
moduleBus.on('request', (req) => {
  // expect: no-unremoved-listener error "'exit'"
  process.on('exit', () => req.cancel());
});

// A loop at module level runs many times.
for (const type of ['mousemove', 'touchmove']) {
  // expect: no-unremoved-listener error
  document.addEventListener(type, () => refresh());
}

// A signal whose controller is never aborted releases nothing.
function neverAbortedSignalCase() {
  const neverAborted = new AbortController();
  // expect: no-unremoved-listener error "'wheel'"
  window.addEventListener('wheel', () => layout(), { signal: neverAborted.signal });
}

// Returning the call's value hands nothing to the caller: addEventListener
// returns undefined and `on` returns the emitter itself (for chaining), not
// a way to remove the listener.
function onScrollConcise() {}
function conciseArrowBodyCase() {
  // expect: no-unremoved-listener error "'scroll'"
  const attach = () => window.addEventListener('scroll', onScrollConcise);
  attach();
}

function conciseArrowInlineCase() {
  // expect: no-unremoved-listener error "inline listener for 'online' on 'window' can never be removed"
  const attach = () => window.addEventListener('online', () => refresh());
  attach();
}

function returnedChainCase(emitter) {
  // expect: no-unremoved-listener error "'end'"
  return emitter.on('end', refresh);
}

// Aborting one controller does not release a listener of another.
function otherControllerAbortedCase() {
  const abortedOne = new AbortController();
  const keptOne = new AbortController();
  // expect: no-unremoved-listener error "'pointerdown'"
  window.addEventListener('pointerdown', () => layout(), { signal: keptOne.signal });
  return () => abortedOne.abort();
}

// ==== Removals that do not match ====

class RemovesWithNewBind {
  attach() {
    // expect: no-unremoved-listener error "'keyup'"
    window.addEventListener('keyup', this.onKeyUp.bind(this));
  }
  detach() {
    // expect: no-unremoved-listener error "removeEventListener is given a new function: it removes nothing"
    window.removeEventListener('keyup', this.onKeyUp.bind(this));
  }
  onKeyUp() {}
}

function removesWithNewArrowCase() {
  // expect: no-unremoved-listener error "'blur'"
  window.addEventListener('blur', () => layout());
  return () => {
    // expect: no-unremoved-listener error "given a new function: it removes nothing"
    window.removeEventListener('blur', () => layout());
  };
}

function offWithNewFunctionCase() {
  // expect: no-unremoved-listener error "'tick'"
  moduleBus.on('tick', () => refresh());
  // expect: no-unremoved-listener error "removes nothing"
  moduleBus.off('tick', () => refresh());
}

// Added with the bound-once function, removed with a new one: both reported.
class RemovesWithNewBindAfterBindingOnce {
  constructor() {
    this.onFocusIn = this.onFocusIn.bind(this);
  }
  attach() {
    // expect: no-unremoved-listener error "'focusin'"
    document.addEventListener('focusin', this.onFocusIn);
  }
  detach() {
    // expect: no-unremoved-listener error "removes nothing"
    document.removeEventListener('focusin', this.onFocusIn.bind(this));
  }
  onFocusIn() {}
}

function domParameterTargetCase(element) {
  // expect: no-unremoved-listener error "'input'"
  element.addEventListener('input', () => refresh());
}

function onResizeA() {}
function onResizeB() {}
function otherFunctionRemovedCase() {
  // expect: no-unremoved-listener error "'resize'"
  window.addEventListener('resize', onResizeA);
  // ok: no-unremoved-listener
  window.removeEventListener('resize', onResizeB);
}

function onPopState() {}
function otherEventRemovedCase() {
  // expect: no-unremoved-listener error "'popstate'"
  window.addEventListener('popstate', onPopState);
  // ok: no-unremoved-listener
  window.removeEventListener('hashchange', onPopState);
}

function onPaste() {}
function otherTargetRemovedCase() {
  // expect: no-unremoved-listener error "'paste'"
  window.addEventListener('paste', onPaste);
  // ok: no-unremoved-listener
  document.removeEventListener('paste', onPaste);
}

function onSighup() {}
function removeAllOnOtherTargetCase() {
  // expect: no-unremoved-listener error "'SIGHUP'"
  process.on('SIGHUP', onSighup);
  moduleBus.removeAllListeners('SIGHUP');
}

module.exports = { moduleBus };

// A capturing listener is only removed by a removal with capture set too.
function onCaptureMismatch() {}
function captureMismatchCase(panel) {
  // expect: no-unremoved-listener error "'onCaptureMismatch'"
  panel.addEventListener('focus', onCaptureMismatch, true);
  // ok: no-unremoved-listener
  panel.removeEventListener('focus', onCaptureMismatch);
}
