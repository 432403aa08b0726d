const log = [];
function t1() { try { log.push('try'); return 'from-try'; } finally { log.push('finally'); } }
console.log(t1(), log.join());
function t2() { try { throw new Error('e'); } catch (e) { return 'catch:' + e.message; } finally { log.push('f2'); } }
console.log(t2());
function t3() { try { return 'try'; } finally { return 'finally-wins'; } } console.log(t3());
function t4() { for (let i = 0; i < 3; i++) { try { if (i === 1) break; } finally { log.push('loop' + i); } } return log.slice(-2).join(); } console.log(t4());
function t5() { try { try { throw new Error('inner'); } finally { log.push('inner-finally'); } } catch (e) { return 'outer caught ' + e.message; } } console.log(t5());
function t6() { try { throw 1; } catch { return 'optional binding'; } } console.log(t6());
function t7() { try { throw new Error('a'); } catch (e) { throw new Error('b', { cause: e }); } }
try { t7(); } catch (e) { console.log(e.message, e.cause.message); }
function t8() { let x = 1; try { return x; } finally { x = 2; } } console.log(t8());
function t9() { try { throw new Error('lost'); } finally { return 'swallowed'; } } console.log(t9());
const seq = []; try { seq.push(1); try { seq.push(2); throw 'x'; } catch (e) { seq.push('c' + e); throw 'y'; } finally { seq.push('f'); } } catch (e) { seq.push('outer' + e); } finally { seq.push('end'); }
console.log(seq.join());
function t10() { for (const v of [1, 2]) { try { continue; } finally { log.push('cont' + v); } } return log.slice(-2).join(); } console.log(t10());
try { null.x; } catch ({ name, message }) { console.log(name, typeof message); }
try { throw { code: 42 }; } catch (e) { console.log(e.code, e instanceof Error); }
const e2 = (() => { try { return undefined.foo; } catch (e) { return e instanceof TypeError; } })(); console.log(e2);
// expect-output: from-try try,finally
// expect-output: catch:e
// expect-output: finally-wins
// expect-output: loop0,loop1
// expect-output: outer caught inner
// expect-output: optional binding
// expect-output: b a
// expect-output: 1
// expect-output: swallowed
// expect-output: 1,2,cx,f,outery,end
// expect-output: cont1,cont2
// expect-output: TypeError string
// expect-output: 42 false
// expect-output: true
