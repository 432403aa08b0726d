function parse(s) { try { return JSON.parse(s); } catch (e) { return 'invalid: ' + e.name; } }
console.log(parse('{"a":1}').a, parse('{oops'));
function retry(n) { let attempts = 0; for (;;) { try { attempts++; if (attempts < n) throw new Error('fail'); return attempts; } catch (e) { if (attempts > 5) throw e; } } }
console.log(retry(3));
function finallyOverride() { try { throw new Error('x'); } finally { return 'finally wins'; } }
console.log(finallyOverride());
const errors = [new TypeError('t'), new RangeError('r'), new SyntaxError('s'), new ReferenceError('f'), new EvalError('e'), new URIError('u')];
console.log(errors.map(e => e.name + ':' + (e instanceof Error)).join());
try { [].reduce((a, b) => a); } catch (e) { console.log(e.constructor.name); }
try { new Array(-1); } catch (e) { console.log(e.name); }
try { 'abc'.repeat(-1); } catch (e) { console.log(e.name); }
try { Symbol() + ''; } catch (e) { console.log(e.name); }
const nested = () => { try { try { throw 'inner'; } catch (e) { throw 'rethrown ' + e; } } catch (e2) { return e2; } };
console.log(nested());
// expect-output: 1 invalid: SyntaxError
// expect-output: 3
// expect-output: finally wins
// expect-output: TypeError:true,RangeError:true,SyntaxError:true,ReferenceError:true,EvalError:true,URIError:true
// expect-output: TypeError
// expect-output: RangeError
// expect-output: RangeError
// expect-output: TypeError
// expect-output: rethrown inner
