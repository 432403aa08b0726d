// yield*: the inner iterator's return value, values sent through next(), closing
// the inner one on return()/throw(), arrays, and inside async generators.
function* inner() { const got = yield 1; console.log('inner got', got); yield 2; return 'inner-done'; }
function* outer() { const r = yield* inner(); console.log('result', r); yield* [10, 20]; return 'outer-done'; }
const g = outer();
console.log(JSON.stringify([g.next(), g.next('sent'), g.next(), g.next(), g.next(), g.next()]));
function* closable() { try { yield 1; yield 2; } finally { console.log('inner closed'); } }
function* wrap() { yield* closable(); }
const w = wrap(); w.next(); console.log(JSON.stringify(w.return('early')));
const w2 = wrap(); w2.next(); try { w2.throw(new Error('into')); } catch (e) { console.log('thrown', e.message); }
console.log([...outer()].join());
async function* ai() { const r = yield* inner(); yield r; }
(async () => { const out = []; for await (const x of ai()) out.push(x); console.log(out.join()); })();
// expect-output: inner got sent
// expect-output: result inner-done
// expect-output: [{"value":1,"done":false},{"value":2,"done":false},{"value":10,"done":false},{"value":20,"done":false},{"value":"outer-done","done":true},{"done":true}]
// expect-output: inner closed
// expect-output: {"value":"early","done":true}
// expect-output: inner closed
// expect-output: thrown into
// expect-output: inner got undefined
// expect-output: result inner-done
// expect-output: 1,2,10,20
// expect-output: inner got undefined
// expect-output: 1,2,inner-done
