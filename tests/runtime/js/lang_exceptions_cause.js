// finally ordering, rethrow, Error subclasses, cause.
const log = [];
function f() { try { log.push('try'); throw new Error('boom'); } catch (e) { log.push('catch:' + e.message); return 'from-catch'; } finally { log.push('finally'); } }
console.log(f(), log.join());
function g() { try { return 'try'; } finally { log.length = 0; log.push('g-finally'); } } console.log(g(), log.join());
function h() { try { throw 1; } finally { return 'finally-wins'; } } console.log(h());
function nested() { const o = []; try { try { throw new TypeError('inner'); } finally { o.push('f1'); } } catch (e) { o.push(e.name + ':' + e.message); try { throw e; } catch (e2) { o.push('rethrown ' + (e2 === e)); } } finally { o.push('f2'); } return o.join(); } console.log(nested());
class HttpError extends Error { constructor(status, msg, opts) { super(msg, opts); this.name = 'HttpError'; this.status = status; } }
class NotFound extends HttpError { constructor(what) { super(404, what + ' not found'); this.name = 'NotFound'; } }
const nf = new NotFound('page'); console.log(nf instanceof NotFound, nf instanceof HttpError, nf instanceof Error, nf.status, nf.message, String(nf));
console.log(Object.prototype.toString.call(nf), nf.constructor.name, Object.keys(nf).join());
const root = new Error('root'); const wrapped = new HttpError(500, 'wrapped', { cause: root }); console.log(wrapped.cause === root, wrapped.cause.message, 'cause' in new Error('x'), new Error('y', {}).hasOwnProperty('cause'));
console.log(new Error('z', { cause: undefined }).hasOwnProperty('cause'), new RangeError('r', { cause: 0 }).cause);
const e2 = new Error('m'); e2.name = 'Custom'; console.log(String(e2), e2.toString === Error.prototype.toString);
console.log(String(new Error()), String(Object.assign(new Error('msg'), { name: '' })), Error('nonew').message);
try { null.x; } catch (e) { console.log(e instanceof TypeError, e.name); }
try { undefinedFunction(); } catch (e) { console.log(e.name); }
function loopFinally() { const o = []; for (let i = 0; i < 3; i++) { try { if (i === 1) continue; if (i === 2) break; o.push('body' + i); } finally { o.push('fin' + i); } } return o.join(); } console.log(loopFinally());
try { try { throw new Error('first'); } finally { console.log('cleanup'); } } catch (e) { console.log('outer got', e.message); }
const agg = new AggregateError([new Error('a'), new Error('b')], 'many'); console.log(agg.name, agg.message, agg.errors.length, agg.errors[1].message);
try { throw { code: 42 }; } catch ({ code }) { console.log('code', code); }
// expect-output: from-catch try,catch:boom,finally
// expect-output: try g-finally
// expect-output: finally-wins
// expect-output: f1,TypeError:inner,rethrown true,f2
// expect-output: true true true 404 page not found NotFound: page not found
// expect-output: [object Error] NotFound name,status
// expect-output: true root false false
// expect-output: true 0
// expect-output: Custom: m true
// expect-output: Error msg nonew
// expect-output: true TypeError
// expect-output: ReferenceError
// expect-output: body0,fin0,fin1,fin2
// expect-output: cleanup
// expect-output: outer got first
// expect-output: AggregateError many 2 b
// expect-output: code 42
