#!/usr/bin/env node
// The Node oracle (issue #4, "Honest accuracy: Node is the judge").
//
// Runs one oracle case (tests/oracle/cases/*.js) the way leaklint's runtime
// confirms a finding (see tests/oracle/README.md for the contract): load the
// CommonJS module once, call its entry 1, 10 and 100 times in all with fresh
// phantom arguments, let 1000 virtual ms pass after every call
// (@sinonjs/fake-timers), collect garbage after each round and measure the
// rule's metric. The case leaks iff the metric after 100 calls is greater
// than after 10.
//
//   node --expose-gc tests/oracle/node-oracle.js [-j N] CASE.js...
//
// Prints one JSON line per case:
//   { "case", "rule", "entry", "metric", "samples": [m1, m10, m100],
//     "label": "leaks" | "no-leak" | "error", "ms", "expect" [, "error"] }
// With one case and --expose-gc the case runs in this process; otherwise
// every case runs in a child process of its own (fresh global state, one
// child per case, at most N at a time). Exit status: 0 when every case ran,
// 1 when one failed (label "error"), 2 on usage errors.
'use strict';

const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');

const ROUNDS = [1, 10, 100];
const ADVANCE_MS = 1000;
const ARGS_PER_CALL = 4;
const CHILD_TIMEOUT_MS = 120000;

const METRIC = {
  'no-uncleared-interval': 'live-timers',
  'no-unremoved-listener': 'listeners',
  'no-implicit-global': 'global-entries',
};

// ---- The case header -------------------------------------------------------

// `// oracle: rule=<id> site=<line>:<col> entry=<spec> expect=leaks|no-leak`
// on the first line.
function parseHeader(file) {
  const first = fs.readFileSync(file, 'utf8').split('\n', 1)[0];
  const m = /^\/\/ oracle: (.*)$/.exec(first);
  if (!m) throw new Error(`${file}:1: no '// oracle:' header`);
  const h = {};
  // Values have no spaces, except the entry's: `new Class`, `A then B`.
  const re = /(\w+)=(.+?)(?= \w+=|$)/g;
  let kv;
  while ((kv = re.exec(m[1]))) h[kv[1]] = kv[2];
  for (const k of ['rule', 'site', 'entry', 'expect']) {
    if (!h[k]) throw new Error(`${file}:1: header lacks '${k}='`);
  }
  if (!METRIC[h.rule]) throw new Error(`${file}:1: unknown rule '${h.rule}'`);
  if (!/^\d+:\d+$/.test(h.site)) throw new Error(`${file}:1: bad site '${h.site}'`);
  if (h.expect !== 'leaks' && h.expect !== 'no-leak') {
    throw new Error(`${file}:1: expect must be leaks or no-leak`);
  }
  return h;
}

// ---- Phantoms --------------------------------------------------------------

// A stand-in for an argument: a Proxy over a function. Reading `then` gives
// undefined (so `await p` is p), Symbol.toPrimitive converts it to the call
// number k, Symbol.iterator yields one phantom, any other missing key a child
// phantom cached on the parent; calling it or `new` on it gives a fresh
// phantom; writes are kept.
function phantom(k) {
  const own = new Map();
  const target = function phantom() {};
  return new Proxy(target, {
    get(_t, key) {
      if (own.has(key)) return own.get(key);
      if (key === 'then') return undefined;
      if (key === Symbol.toPrimitive) return () => k;
      if (key === Symbol.iterator) {
        return function* iterate() {
          yield phantom(k);
        };
      }
      const child = phantom(k);
      own.set(key, child);
      return child;
    },
    set(_t, key, value) {
      own.set(key, value);
      return true;
    },
    has(_t, key) {
      return own.has(key) || key !== 'then';
    },
    deleteProperty(_t, key) {
      own.delete(key);
      return true;
    },
    apply() {
      return phantom(k);
    },
    construct() {
      return phantom(k);
    },
  });
}

function argsFor(k) {
  const a = [];
  for (let i = 0; i < ARGS_PER_CALL; i++) a.push(phantom(k));
  return a;
}

// ---- Listener bookkeeping --------------------------------------------------

// Every EventEmitter and EventTarget that gets a listener is remembered by a
// WeakRef (so the bookkeeping keeps nothing alive), with the event types seen
// on it (EventTarget has no eventNames()).
const targets = []; // { ref: WeakRef, types: Set, kind: 'ee' | 'et' }
const entryOf = new WeakMap();

function remember(target, type, kind) {
  if (target === null || (typeof target !== 'object' && typeof target !== 'function')) return;
  let e = entryOf.get(target);
  if (!e) {
    e = { ref: new WeakRef(target), types: new Set(), kind };
    entryOf.set(target, e);
    targets.push(e);
  }
  e.types.add(type);
}

function wrapListenerMethods() {
  const EventEmitter = require('events');
  for (const name of ['on', 'addListener', 'prependListener', 'once', 'prependOnceListener']) {
    const orig = EventEmitter.prototype[name];
    EventEmitter.prototype[name] = function (type, ...rest) {
      remember(this, type, 'ee');
      return orig.call(this, type, ...rest);
    };
  }
  const origAdd = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, ...rest) {
    remember(this, String(type), 'et');
    return origAdd.call(this, type, ...rest);
  };
}

function countListeners() {
  const { getEventListeners } = require('events');
  let n = 0;
  for (let i = targets.length - 1; i >= 0; i--) {
    const e = targets[i];
    const t = e.ref.deref();
    if (t === undefined) {
      targets.splice(i, 1);
      continue;
    }
    if (e.kind === 'ee') {
      for (const type of t.eventNames()) n += t.listenerCount(type);
    } else {
      for (const type of e.types) n += getEventListeners(t, type).length;
    }
  }
  return n;
}

// ---- A minimal browser -------------------------------------------------------

function installBrowser() {
  const et = new EventTarget(); // the target behind window's listeners
  const g = globalThis;
  g.window = g;
  g.self = g;
  g.addEventListener = function addEventListener(...a) {
    return et.addEventListener(...a);
  };
  g.removeEventListener = function removeEventListener(...a) {
    return et.removeEventListener(...a);
  };
  g.dispatchEvent = function dispatchEvent(ev) {
    return et.dispatchEvent(ev);
  };
  g.innerWidth = 1024;
  g.innerHeight = 768;
  g.devicePixelRatio = 1;
  g.location = { href: 'http://localhost/', pathname: '/', search: '', hash: '' };

  class Element extends EventTarget {
    constructor(tagName) {
      super();
      this.tagName = String(tagName).toUpperCase();
      this.id = '';
      this.className = '';
      this.textContent = '';
      this.innerHTML = '';
      this.style = {};
      this.dataset = {};
      this.children = [];
      this.parentNode = null;
      this.attrs = new Map();
      const classes = new Set();
      this.classList = {
        add: (...c) => c.forEach((x) => classes.add(x)),
        remove: (...c) => c.forEach((x) => classes.delete(x)),
        toggle: (c, force) => {
          const on = force === undefined ? !classes.has(c) : !!force;
          if (on) classes.add(c);
          else classes.delete(c);
          return on;
        },
        contains: (c) => classes.has(c),
      };
    }
    setAttribute(k, v) {
      this.attrs.set(String(k), String(v));
    }
    getAttribute(k) {
      return this.attrs.has(String(k)) ? this.attrs.get(String(k)) : null;
    }
    appendChild(c) {
      this.children.push(c);
      c.parentNode = this;
      return c;
    }
    removeChild(c) {
      const i = this.children.indexOf(c);
      if (i >= 0) this.children.splice(i, 1);
      c.parentNode = null;
      return c;
    }
    remove() {
      if (this.parentNode) this.parentNode.removeChild(this);
    }
    contains(c) {
      for (let n = c; n; n = n.parentNode) if (n === this) return true;
      return false;
    }
    focus() {}
    click() {
      this.dispatchEvent(new Event('click'));
    }
    getBoundingClientRect() {
      return { x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0 };
    }
  }

  class Document extends EventTarget {
    constructor() {
      super();
      this.readyState = 'complete';
      this.documentElement = new Element('html');
      this.body = this.documentElement.appendChild(new Element('body'));
      this.byId = new Map();
      this.bySelector = new Map();
    }
    createElement(tag) {
      return new Element(tag);
    }
    getElementById(id) {
      const key = String(id);
      if (!this.byId.has(key)) {
        const el = new Element('div');
        el.id = key;
        this.byId.set(key, el);
      }
      return this.byId.get(key);
    }
    querySelector(sel) {
      const key = String(sel);
      if (!this.bySelector.has(key)) this.bySelector.set(key, new Element('div'));
      return this.bySelector.get(key);
    }
    querySelectorAll(sel) {
      return [this.querySelector(sel)];
    }
  }
  g.HTMLElement = Element;
  g.Element = Element;
  g.document = new Document();

  class Observer {
    constructor(callback) {
      this.callback = callback;
    }
    observe() {}
    unobserve() {}
    disconnect() {}
    takeRecords() {
      return [];
    }
  }
  g.ResizeObserver = class ResizeObserver extends Observer {};
  g.MutationObserver = class MutationObserver extends Observer {};
  g.IntersectionObserver = class IntersectionObserver extends Observer {};
}

// ---- Running one case ------------------------------------------------------

async function runCase(file) {
  const t0 = process.hrtime.bigint();
  const abs = path.resolve(file);
  const h = parseHeader(abs);
  const out = {
    case: path.relative(process.cwd(), abs),
    rule: h.rule,
    entry: h.entry,
    metric: METRIC[h.rule],
    samples: [],
    label: 'error',
    ms: 0,
    expect: h.expect,
  };
  const realSetImmediate = setImmediate;
  const errors = [];
  const note = (e) => errors.push(e && e.stack ? e.stack.split('\n').slice(0, 3).join(' | ') : String(e));
  // MaxListenersExceededWarning is expected from leaky cases: keep stderr quiet
  // (the child processes also run with --no-warnings).
  process.removeAllListeners('warning');
  process.on('unhandledRejection', note);
  process.on('uncaughtException', note);

  wrapListenerMethods();
  // fake-timers fakes only what exists: give it the browser's frame timers.
  globalThis.requestAnimationFrame = function requestAnimationFrame() {};
  globalThis.cancelAnimationFrame = function cancelAnimationFrame() {};
  let FakeTimers;
  try {
    FakeTimers = require('@sinonjs/fake-timers');
  } catch {
    throw new Error("@sinonjs/fake-timers is not installed: run 'npm ci --ignore-scripts' in the repository");
  }
  const clock = FakeTimers.withGlobal(globalThis).install({
    now: 0,
    toFake: [
      'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval',
      'setImmediate', 'clearImmediate', 'Date', 'performance',
      'requestAnimationFrame', 'cancelAnimationFrame',
    ],
  });
  installBrowser();

  // require() also lists the case in this module's `children`, which would
  // keep every evaluation of a `module` entry alive: drop it from there.
  const forget = () => {
    module.children = module.children.filter((m) => m.id !== abs);
  };
  const load = () => {
    const m = require(abs);
    forget();
    return m;
  };
  const fresh = () => {
    delete require.cache[abs];
    return load();
  };
  // global-entries: the global properties added since before the load, plus
  // the entries each holds (a Map's or Set's size, an array's length, an
  // object's own enumerable string keys) — as runtime/src/confirm_metric.c.
  const globalsBase = new Set(Object.getOwnPropertyNames(globalThis));
  const entriesOf = (v) => {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return 0;
    if (v instanceof Map || v instanceof Set) return v.size;
    if (Array.isArray(v)) return v.length;
    return Object.keys(v).length;
  };
  const globalEntries = () => {
    let n = 0;
    for (const name of Object.getOwnPropertyNames(globalThis)) {
      if (globalsBase.has(name)) continue;
      const d = Object.getOwnPropertyDescriptor(globalThis, name);
      n += 1 + (d && 'value' in d ? entriesOf(d.value) : 0);
    }
    return n;
  };
  const metric = {
    'live-timers': () => clock.countTimers(),
    listeners: countListeners,
    'global-entries': globalEntries,
  }[out.metric];

  const settle = async () => {
    for (let i = 0; i < 4; i++) {
      global.gc();
      await new Promise((r) => realSetImmediate(r)); // let WeakRefs clear
    }
  };

  try {
    let mod = load();
    const call = makeCaller(h.entry, () => mod, (m) => (mod = m), fresh);
    let done = 0;
    for (const n of ROUNDS) {
      for (; done < n; ) {
        done++;
        const r = call(argsFor(done));
        if (r && typeof r.then === 'function') Promise.resolve(r).catch(note);
        await clock.tickAsync(ADVANCE_MS);
        if (errors.length) throw new Error(errors[0]);
      }
      await settle();
      out.samples.push(metric());
    }
    out.label = out.samples[2] > out.samples[1] ? 'leaks' : 'no-leak';
  } catch (e) {
    out.label = 'error';
    out.error = e && e.stack ? e.stack.split('\n').slice(0, 4).join(' | ') : String(e);
  }
  out.ms = Number((process.hrtime.bigint() - t0) / 1000n) / 1000;
  return out;
}

// entry spec -> a function of the call's arguments, as the runtime drives
// it (runtime/CONFIRMATION.md): `name` with `this` undefined; `Class#method`
// on ONE instance made at the first call; `Class.method` on the class; `new
// Class` per call; `module` re-evaluated per call; `A then B` calls A then B
// with the same arguments (a removal after its partner's add, or an
// object's disposer after `new`, on that new object).
function makeCaller(spec, getMod, setMod, fresh) {
  const exported = (name) => {
    const v = getMod()[name];
    if (typeof v !== 'function') throw new Error(`entry: module.exports.${name} is not a function`);
    return v;
  };
  if (spec.includes(' then ')) {
    const [a, b] = spec.split(' then ');
    const first = makeCaller(a, getMod, setMod, fresh);
    const nb = /^(\w+)#(\w+)$/.exec(b);
    if (/^new /.test(a) && nb) {
      return (args) => {
        const o = first(args);
        return o[nb[2]](...args);
      };
    }
    const second = makeCaller(b, getMod, setMod, fresh);
    return (args) => {
      first(args);
      return second(args);
    };
  }
  let m;
  if (spec === 'module') {
    return () => setMod(fresh());
  }
  if ((m = /^new (\w+)$/.exec(spec))) {
    const C = m[1];
    return (args) => new (exported(C))(...args);
  }
  if ((m = /^(\w+)#(\w+)$/.exec(spec))) {
    const [C, meth] = [m[1], m[2]];
    const shared = makeCaller.instances || (makeCaller.instances = new Map());
    return (args) => {
      if (!shared.has(C)) shared.set(C, new (exported(C))(...args));
      const o = shared.get(C);
      return o[meth](...args);
    };
  }
  if ((m = /^(\w+)\.(\w+)$/.exec(spec))) {
    const [C, meth] = [m[1], m[2]];
    return (args) => {
      const K = exported(C);
      return K[meth](...args);
    };
  }
  if ((m = /^(\w+)$/.exec(spec))) {
    const name = m[1];
    return (args) => exported(name).apply(undefined, args);
  }
  throw new Error(`entry: cannot parse '${spec}'`);
}

// ---- Many cases: one child process each ------------------------------------

function runChild(file) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--expose-gc', '--no-warnings', __filename, '--one', file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.trim().split('\n').pop();
      try {
        resolve(JSON.parse(line));
      } catch {
        resolve({
          case: path.relative(process.cwd(), path.resolve(file)),
          label: 'error',
          ms: Number((process.hrtime.bigint() - t0) / 1000n) / 1000,
          error: `child exited with ${signal || code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`,
        });
      }
    });
  });
}

async function main() {
  const argv = process.argv.slice(2);
  let jobs = 1;
  let one = false;
  const files = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-j' || a === '--jobs') jobs = Number(argv[++i]);
    else if (a === '--one') one = true;
    else if (a === '-h' || a === '--help') {
      process.stdout.write('usage: node --expose-gc tests/oracle/node-oracle.js [-j N] CASE.js...\n');
      return 0;
    } else files.push(a);
  }
  if (!files.length || !(jobs >= 1)) {
    process.stderr.write('usage: node --expose-gc tests/oracle/node-oracle.js [-j N] CASE.js...\n');
    return 2;
  }
  for (const f of files) {
    if (!fs.existsSync(f)) {
      process.stderr.write(`node-oracle: ${f}: no such file\n`);
      return 2;
    }
  }
  if ((one || files.length === 1) && typeof global.gc === 'function') {
    if (files.length !== 1) {
      process.stderr.write('node-oracle: --one takes one case\n');
      return 2;
    }
    let r;
    try {
      r = await runCase(files[0]);
    } catch (e) {
      process.stderr.write(`node-oracle: ${e.message}\n`);
      return 2;
    }
    process.stdout.write(JSON.stringify(r) + '\n');
    return r.label === 'error' ? 1 : 0;
  }
  // Several cases (or no --expose-gc here): a child per case, in order.
  const results = new Array(files.length);
  let next = 0;
  let failed = false;
  let printed = 0;
  const flush = () => {
    while (printed < files.length && results[printed]) {
      process.stdout.write(JSON.stringify(results[printed]) + '\n');
      printed++;
    }
  };
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      results[i] = await runChild(files[i]);
      if (results[i].label === 'error') failed = true;
      flush();
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, files.length) }, worker));
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`node-oracle: ${e.stack || e}\n`);
    process.exit(2);
  },
);
