function f() { try { throw new Error('boom'); } catch (e) { return 'caught ' + e.message; } finally { console.log('finally'); } }
console.log(f());
function g() { try { return 'try'; } finally { console.log('g finally'); } }
console.log(g());
try { try { throw 1; } finally { console.log('inner finally'); } } catch (e) { console.log('outer', e); }
try { undefinedFn(); } catch (e) { console.log(e instanceof ReferenceError, e.message); }
try { (void 0).x; } catch ({ name, message }) { console.log(name, message); }
class MyErr extends Error { constructor(m) { super(m); this.name = 'MyErr'; } }
try { throw new MyErr('custom'); } catch (e) { console.log(e.name, e.message, e instanceof MyErr, e instanceof Error, String(e)); }
const e = new Error('with cause', { cause: 'why' }); console.log(e.cause);
try { null(); } catch (e) { console.log(e.constructor === TypeError); }
try { throw { code: 42 }; } catch (e) { console.log(e.code); }
let count = 0; for (let i = 0; i < 3; i++) { try { if (i === 1) continue; count++; } finally { count += 10; } } console.log(count);
// expect-output: finally
// expect-output: caught boom
// expect-output: g finally
// expect-output: try
// expect-output: inner finally
// expect-output: outer 1
// expect-output: true undefinedFn is not defined
// expect-output: TypeError Cannot read properties of undefined (reading 'x')
// expect-output: MyErr custom true true MyErr: custom
// expect-output: why
// expect-output: true
// expect-output: 42
// expect-output: 32
