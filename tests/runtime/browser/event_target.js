// oracle: node — EventTarget and Event as Node 20 (and browsers) run them.
// One line differs from Node 20 on purpose: a passive listener's
// preventDefault() is ignored, as in browsers (Node 20 honours it).
const log = (...a) => console.log(...a);
const t = new EventTarget();
let calls = 0;
function f() { calls++; }
t.addEventListener('a', f);
t.addEventListener('a', f); // a duplicate: ignored
t.dispatchEvent(new Event('a'));
log('duplicate fn counted once:', calls);
t.addEventListener('b', f, true);
t.removeEventListener('b', f); // wrong capture: stays
calls = 0;
t.dispatchEvent(new Event('b'));
log('wrong capture does not remove:', calls);
t.removeEventListener('b', f, { capture: true });
calls = 0;
t.dispatchEvent(new Event('b'));
log('same capture removes:', calls);
// once
let n = 0;
t.addEventListener('o', () => n++, { once: true });
t.dispatchEvent(new Event('o'));
t.dispatchEvent(new Event('o'));
log('once fires once:', n);
// handleEvent objects and `this`
const obj = { hits: 0, handleEvent(e) { this.hits++; log('handleEvent', e.type, this === obj); } };
t.addEventListener('h', obj);
t.dispatchEvent(new Event('h'));
t.removeEventListener('h', obj);
t.dispatchEvent(new Event('h'));
log('object listener hits:', obj.hits);
t.addEventListener('this', function (e) { log('this is target:', this === t, e.target === t, e.currentTarget === t, e.eventPhase); });
t.dispatchEvent(new Event('this'));
// order, and removal during dispatch
const order = [];
const second = () => order.push('second');
t.addEventListener('r', () => { order.push('first'); t.removeEventListener('r', second); });
t.addEventListener('r', second);
t.addEventListener('r', () => { order.push('third'); t.addEventListener('r', () => order.push('late')); });
t.dispatchEvent(new Event('r'));
log('order:', order.join(','));
// preventDefault and the return value
t.addEventListener('c', (e) => e.preventDefault());
log('cancelable:', t.dispatchEvent(new Event('c', { cancelable: true })), 'not cancelable:', t.dispatchEvent(new Event('c')));
const pe = new Event('p', { cancelable: true });
t.addEventListener('p', (e) => e.preventDefault(), { passive: true });
log('passive ignores preventDefault:', t.dispatchEvent(pe), pe.defaultPrevented);
// stopImmediatePropagation
const si = [];
t.addEventListener('s', (e) => { si.push(1); e.stopImmediatePropagation(); });
t.addEventListener('s', () => si.push(2));
t.dispatchEvent(new Event('s'));
log('stopImmediatePropagation:', si.join(','));
// Event basics
const e = new Event('x', { bubbles: true, cancelable: true });
log(e.type, e.bubbles, e.cancelable, e.defaultPrevented, e.target, e.currentTarget, e.eventPhase, e.isTrusted);
e.preventDefault();
log('defaultPrevented:', e.defaultPrevented);
log('after dispatch target kept:', (() => { const ev = new Event('k'); t.dispatchEvent(ev); return ev.target === t && ev.currentTarget === null && ev.eventPhase === 0; })());
const ce = new CustomEvent('cev', { detail: { id: 7 } });
log('CustomEvent:', ce.type, ce.detail.id, new CustomEvent('z').detail, ce instanceof Event);
t.addEventListener('cev', (ev) => log('detail in listener:', ev.detail.id));
t.dispatchEvent(ce);
// subclasses
class Emitter extends EventTarget { fire() { this.dispatchEvent(new Event('go')); } }
const em = new Emitter();
em.addEventListener('go', () => log('subclass fired'));
em.fire();
try { new Event(); } catch (err) { log('no type:', err instanceof TypeError); }
try { t.dispatchEvent({ type: 'x' }); } catch (err) { log('not an Event:', err instanceof TypeError); }
try { t.addEventListener('x', 'str'); log('string listener accepted'); } catch (err) { log('string listener:', err instanceof TypeError); }
t.addEventListener('x', null);
log('null listener ignored');
log(Event.NONE, Event.CAPTURING_PHASE, Event.AT_TARGET, Event.BUBBLING_PHASE);
// expect-output: duplicate fn counted once: 1
// expect-output: wrong capture does not remove: 1
// expect-output: same capture removes: 0
// expect-output: once fires once: 1
// expect-output: handleEvent h true
// expect-output: object listener hits: 1
// expect-output: this is target: true true true 2
// expect-output: order: first,third
// expect-output: cancelable: false not cancelable: true
// expect-output: passive ignores preventDefault: true false
// expect-output: stopImmediatePropagation: 1
// expect-output: x true true false null null 0 false
// expect-output: defaultPrevented: true
// expect-output: after dispatch target kept: true
// expect-output: CustomEvent: cev 7 null true
// expect-output: detail in listener: 7
// expect-output: subclass fired
// expect-output: no type: true
// expect-output: not an Event: true
// expect-output: string listener: true
// expect-output: null listener ignored
// expect-output: 0 1 2 3
