'use strict';
// Strict code: a write [[Set]] refuses is a TypeError (sloppy code goes on:
// lang_sloppy_failed_writes.js).
const log = console.log;
const f = Object.freeze({ a: 1 });
try { f.a = 2; } catch (e) { log(e.constructor.name, e.message); }
try { f.b = 2; } catch (e) { log(e.constructor.name, e.message); }
const g = { get x() { return 1; } };
try { g.x = 5; } catch (e) { log(e.constructor.name, e.message); }
const ro = {}; Object.defineProperty(ro, 'k', { value: 1, writable: false });
try { ro.k++; } catch (e) { log(e.constructor.name, e.message); }
try { ro.k += 1; } catch (e) { log(e.constructor.name, e.message); }
try { [ro.k] = [9]; } catch (e) { log(e.constructor.name, e.message); }
try { ({ k: ro.k } = { k: 9 }); } catch (e) { log(e.constructor.name, e.message); }
try { 'abc'.x = 1; } catch (e) { log(e.constructor.name, e.message); }
class Point { constructor() { this.x = 1; Object.freeze(this); } }
try { new Point().x = 2; } catch (e) { log(e.constructor.name, e.message); }
try { Object.freeze([1, 2])[0] = 5; } catch (e) { log(e.constructor.name); }
const ok = { s: 1, set v(x) { this.s = x; } }; ok.v = 3;
log(f.a, f.b, g.x, ro.k, ok.s);
// A property that cannot be deleted: a TypeError too.
try { delete f.a; } catch (e) { log(e.constructor.name, e.message); }
try { delete Object.freeze([1, 2])[0]; } catch (e) { log(e.constructor.name, e.message); }
try { delete ro['k']; } catch (e) { log(e.constructor.name, e.message); }
const gone = { x: 1 }; log(delete gone.x, delete gone.nothing, 'x' in gone);
// Proxies: a falsish set trap, and a refusal of the target without a trap.
const px = new Proxy({}, { set(t, k, v) { if (k === 'no') return false; t[k] = v; return true; } });
px.yes = 1;
try { px.no = 2; } catch (e) { log(e.constructor.name, e.message); }
try { new Proxy(Object.freeze({ a: 1 }), {}).a = 2; } catch (e) { log(e.constructor.name); }
log(px.yes, px.no);
// expect-output: TypeError Cannot assign to read only property 'a' of object '#<Object>'
// expect-output: TypeError Cannot add property b, object is not extensible
// expect-output: TypeError Cannot set property x of #<Object> which has only a getter
// expect-output: TypeError Cannot assign to read only property 'k' of object '#<Object>'
// expect-output: TypeError Cannot assign to read only property 'k' of object '#<Object>'
// expect-output: TypeError Cannot assign to read only property 'k' of object '#<Object>'
// expect-output: TypeError Cannot assign to read only property 'k' of object '#<Object>'
// expect-output: TypeError Cannot create property 'x' on string 'abc'
// expect-output: TypeError Cannot assign to read only property 'x' of object '#<Point>'
// expect-output: TypeError
// expect-output: 1 undefined 1 1 3
// expect-output: TypeError Cannot delete property 'a' of #<Object>
// expect-output: TypeError Cannot delete property '0' of [object Array]
// expect-output: TypeError Cannot delete property 'k' of #<Object>
// expect-output: true true false
// expect-output: TypeError 'set' on proxy: trap returned falsish for property 'no'
// expect-output: TypeError
// expect-output: 1 undefined
