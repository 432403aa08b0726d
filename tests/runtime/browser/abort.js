// oracle: node — AbortController / AbortSignal as Node 20 runs them.
const log = (...a) => console.log(...a);
const ac = new AbortController();
const s = ac.signal;
log('initial:', s.aborted, s.reason, s instanceof EventTarget, s instanceof AbortSignal);
const t = new EventTarget();
let hits = 0;
t.addEventListener('ping', () => hits++, { signal: s });
t.dispatchEvent(new Event('ping'));
let aborts = [];
s.addEventListener('abort', (e) => aborts.push('listener:' + e.type + ':' + (e.target === s)));
s.onabort = (e) => aborts.push('onabort:' + e.type);
log('onabort is set:', typeof s.onabort);
ac.abort();
ac.abort(); // a second abort does nothing
t.dispatchEvent(new Event('ping'));
log('signal removed the listener, hits:', hits);
log('abort events:', aborts.join(' '));
log('aborted:', s.aborted, s.reason.name, s.reason.message, s.reason instanceof DOMException, s.reason.code);
try { s.throwIfAborted(); } catch (e) { log('throwIfAborted:', e.name); }
// an aborted signal: the listener is never added
let late = 0;
t.addEventListener('ping', () => late++, { signal: s });
t.dispatchEvent(new Event('ping'));
log('already aborted, not added:', late);
// a custom reason
const ac2 = new AbortController();
ac2.abort('why');
log('custom reason:', ac2.signal.reason);
const ab = AbortSignal.abort(42);
log('AbortSignal.abort:', ab.aborted, ab.reason);
log('AbortSignal.abort default:', AbortSignal.abort().reason.name);
// removeEventListener before abort: nothing happens on abort
const ac3 = new AbortController();
const g = () => log('never');
t.addEventListener('q', g, { signal: ac3.signal });
t.removeEventListener('q', g);
ac3.abort();
t.dispatchEvent(new Event('q'));
log('removed before abort');
try { t.addEventListener('q', g, { signal: 1 }); } catch (e) { log('bad signal:', e instanceof TypeError); }
try { new AbortSignal(); } catch (e) { log('new AbortSignal:', e instanceof TypeError); }
// AbortSignal.timeout on the clock
const ts = AbortSignal.timeout(50);
ts.addEventListener('abort', () => log('timeout aborted:', ts.reason.name, ts.reason.message));
setTimeout(() => log('at 100:', ts.aborted), 100);
// AbortSignal.any
const a1 = new AbortController(), a2 = new AbortController();
const any = AbortSignal.any([a1.signal, a2.signal]);
any.addEventListener('abort', () => log('any aborted with', any.reason));
a2.abort('second');
log('any:', any.aborted, a1.signal.aborted);
// expect-output: initial: false undefined true true
// expect-output: onabort is set: function
// expect-output: signal removed the listener, hits: 1
// expect-output: abort events: listener:abort:true onabort:abort
// expect-output: aborted: true AbortError This operation was aborted true 20
// expect-output: throwIfAborted: AbortError
// expect-output: already aborted, not added: 0
// expect-output: custom reason: why
// expect-output: AbortSignal.abort: true 42
// expect-output: AbortSignal.abort default: AbortError
// expect-output: removed before abort
// expect-output: bad signal: true
// expect-output: new AbortSignal: true
// expect-output: any aborted with second
// expect-output: any: true false
// expect-output: timeout aborted: TimeoutError The operation was aborted due to timeout
// expect-output: at 100: true
