// Fixture: no-unremoved-listener, near-misses that must NOT be reported.
// Env: default (node + browser). Sloppy CommonJS-style script.
const EventEmitter = require('events');
const http = require('http');
const net = require('net');

function layout() {}
function refresh() {}

// ==== Released ====

function onceMethodCase() {
  // ok: no-unremoved-listener
  process.once('exit', () => console.log('bye'));
}

function onceOptionCase() {
  // ok: no-unremoved-listener
  window.addEventListener('load', () => layout(), { once: true });
}

function abortedSignalCase() {
  const ctrl = new AbortController();
  // ok: no-unremoved-listener
  window.addEventListener('resize', () => layout(), { signal: ctrl.signal });
  return () => ctrl.abort();
}

function parameterSignalCase(signal) {
  // ok: no-unremoved-listener
  document.addEventListener('scroll', () => refresh(), { signal });
}

function timeoutSignalCase() {
  // ok: no-unremoved-listener
  window.addEventListener('message', () => refresh(), { signal: AbortSignal.timeout(5000) });
}

function onSighup() {}
function namedAddedAndRemovedCase() {
  // ok: no-unremoved-listener
  process.on('SIGHUP', onSighup);
}
function namedRemovalCase() {
  // ok: no-unremoved-listener
  process.off('SIGHUP', onSighup);
}

function onUsr2() {}
function removeListenerCase() {
  // ok: no-unremoved-listener
  process.addListener('SIGUSR2', onUsr2);
  return () => process.removeListener('SIGUSR2', onUsr2);
}

function returnedDisposerCase() {
  const onResize = () => layout();
  // ok: no-unremoved-listener
  window.addEventListener('resize', onResize);
  // ok: no-unremoved-listener
  return () => window.removeEventListener('resize', onResize);
}

function onCaptureClick() {}
function captureFlagMatchesCase() {
  // ok: no-unremoved-listener
  document.addEventListener('click', onCaptureClick, true);
  return () => document.removeEventListener('click', onCaptureClick, true);
}

const sharedBus = new EventEmitter();
function removeAllNamedCase() {
  // ok: no-unremoved-listener
  sharedBus.on('flush', () => refresh());
  return () => sharedBus.removeAllListeners('flush');
}

const otherBus = new EventEmitter();
function removeAllEverythingCase() {
  // ok: no-unremoved-listener
  otherBus.on('tick', () => refresh());
}
function resetOtherBus() {
  otherBus.removeAllListeners();
}

class BoundInConstructor {
  constructor() {
    this.onResize = this.onResize.bind(this);
  }
  mount() {
    // ok: no-unremoved-listener
    window.addEventListener('resize', this.onResize);
  }
  unmount() {
    // ok: no-unremoved-listener
    window.removeEventListener('resize', this.onResize);
  }
  onResize() {}
}

class ArrowFieldHandler {
  handleKey = () => refresh();
  attach() {
    // ok: no-unremoved-listener
    document.addEventListener('keydown', this.handleKey);
  }
  detach() {
    document.removeEventListener('keydown', this.handleKey);
  }
}

class MemberTargetRemoved {
  constructor(socket) {
    this.socket = socket;
    this.onMessage = (msg) => console.log(msg);
  }
  attach() {
    // ok: no-unremoved-listener
    this.socket.on('message', this.onMessage);
  }
  detach() {
    this.socket.off('message', this.onMessage);
  }
}

// React-style effect with its cleanup (the disposer is returned).
function useWindowSize(setSize) {
  useEffect(() => {
    const onResize = () => setSize(window.innerWidth);
    // ok: no-unremoved-listener
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
}

class AbortsMemberController {
  mount() {
    this.ctrl = new AbortController();
    // ok: no-unremoved-listener
    window.addEventListener('resize', () => layout(), { signal: this.ctrl.signal });
  }
  unmount() {
    this.ctrl.abort();
  }
}

function propertyHandlerCase() {
  // Assigning an `on…` property replaces the previous handler: no pile-up.
  // ok: no-unremoved-listener
  window.onresize = () => layout();
}

function prependOnceCase() {
  // ok: no-unremoved-listener
  process.prependOnceListener('exit', () => refresh());
}

// ==== Short-lived targets ====

function localEmitterCase() {
  const ee = new EventEmitter();
  // ok: no-unremoved-listener
  ee.on('x', () => refresh());
  ee.emit('x');
}

function localElementCase() {
  const el = document.createElement('div');
  // ok: no-unremoved-listener
  el.addEventListener('click', () => refresh());
  return el.outerHTML;
}

class SelfListening extends EventEmitter {
  constructor() {
    super();
    // ok: no-unremoved-listener
    this.on('ready', () => this.start());
  }
  start() {
    // ok: no-unremoved-listener
    this.addListener('done', () => this.emit('idle'));
  }
}

// Parameters of inline callbacks are per-event objects.
const server = net.createServer();
// ok: no-unremoved-listener
server.on('connection', (socket) => {
  // ok: no-unremoved-listener
  socket.on('data', (chunk) => console.log(chunk.length));
});

http.createServer((req, res) => {
  // ok: no-unremoved-listener
  req.on('data', (chunk) => console.log(chunk.length));
  // ok: no-unremoved-listener
  res.on('finish', () => console.log('done'));
});

function useMiddleware(app) {
  app.use((req, res, next) => {
    // ok: no-unremoved-listener
    res.on('close', () => console.log(req.url));
    next();
  });
}

// ==== Runs once ====

// ok: no-unremoved-listener
process.on('uncaughtException', (err) => console.error(err));

// ok: no-unremoved-listener
window.addEventListener('DOMContentLoaded', () => layout());

(function initOnce() {
  // ok: no-unremoved-listener
  window.addEventListener('beforeunload', () => refresh());
})();

class StaticInit {
  static {
    // ok: no-unremoved-listener
    process.on('warning', (w) => console.log(w));
  }
}

module.exports = { sharedBus, server, useMiddleware, useWindowSize };

// A target made by this call gets one listener per object, even when the
// object is handed back to the caller: nothing piles up.
function madeHereAndReturnedCase() {
  const ee = new EventEmitter();
  // ok: no-unremoved-listener
  ee.on('data', (chunk) => ee.emit('chunk', chunk));
  return ee;
}
