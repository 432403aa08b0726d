class ValidationError extends Error { constructor(field, msg) { super(msg); this.name = 'ValidationError'; this.field = field; } }
class DbError extends Error { constructor(msg, opts) { super(msg, opts); this.name = this.constructor.name; } }
const v = new ValidationError('email', 'bad email');
console.log(v instanceof ValidationError, v instanceof Error, v.name, v.message, v.field, String(v), typeof v.stack);
const d = new DbError('conn lost', { cause: v }); console.log(d.name, d.cause === v, d.cause.field, Object.prototype.toString.call(d));
for (const E of [Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError]) { const e = new E('m'); console.log(e.name, e instanceof Error, E.prototype.name, e.toString(), typeof e.stack); }
const ae = new AggregateError([new Error('a'), new Error('b')], 'many'); console.log(ae.name, ae.message, ae.errors.length, ae.errors[1].message);
console.log(Error('no new').message, new Error().message === '', new Error(undefined).message, new Error(42).message, 'cause' in new Error('x'));
const custom = new Error('x'); custom.name = 'Custom'; console.log(custom.toString(), Object.keys(custom), JSON.stringify(custom));
try { undefinedFn(); } catch (e) { console.log(e.name, e.message, e.constructor === ReferenceError); }
try { (void 0).prop; } catch (e) { console.log(e.name); }
try { let x = 1; x(); } catch (e) { console.log(e.name, e.message); }
try { new Array(-1); } catch (e) { console.log(e.name); }
try { null[Symbol.iterator]; } catch (e) { console.log(e.name); }
try { const c = 1; c = 2; } catch (e) { console.log(e.name, e.message); }
try { throw new ValidationError('f', 'thrown'); } catch (e) { console.log(e instanceof ValidationError ? 'is VE: ' + e.message : 'not'); }
function deep(n) { if (!n) throw new Error('deep'); return deep(n - 1); } try { deep(5); } catch (e) { console.log(e.message, e.stack.includes('at ')); }
const em = Object.getOwnPropertyDescriptor(new Error('m'), 'message'); console.log(em.enumerable, em.writable);
console.log(Error.prototype.toString.call({ name: 'N', message: 'M' }), Error.prototype.toString.call({}), Error.prototype.name);
// expect-output: true true ValidationError bad email email ValidationError: bad email string
// expect-output: DbError true email [object Error]
// expect-output: Error true Error Error: m string
// expect-output: TypeError true TypeError TypeError: m string
// expect-output: RangeError true RangeError RangeError: m string
// expect-output: SyntaxError true SyntaxError SyntaxError: m string
// expect-output: ReferenceError true ReferenceError ReferenceError: m string
// expect-output: EvalError true EvalError EvalError: m string
// expect-output: URIError true URIError URIError: m string
// expect-output: AggregateError many 2 b
// expect-output: no new true  42 false
// expect-output: Custom: x [ 'name' ] {"name":"Custom"}
// expect-output: ReferenceError undefinedFn is not defined true
// expect-output: TypeError
// expect-output: TypeError x is not a function
// expect-output: RangeError
// expect-output: TypeError
// expect-output: TypeError Assignment to constant variable.
// expect-output: is VE: thrown
// expect-output: deep true
// expect-output: false true
// expect-output: N: M Error Error
