function thrower() { throw new RangeError('out of range'); }
try { thrower(); } catch (e) { console.log(e.name, e.message, e.stack.split('\n')[0], e.stack.includes('builtins_error_stack.js:1')); }
console.log(String(new TypeError('t')), new Error('x').toString(), Object.prototype.toString.call(new Error()));
const agg = new AggregateError([new Error('a')], 'many'); console.log(agg.name, agg.errors.length, agg.message);
// expect-output: RangeError out of range RangeError: out of range true
// expect-output: TypeError: t Error: x [object Error]
// expect-output: AggregateError 1 many
