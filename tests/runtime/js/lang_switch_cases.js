function sw(x) { const r = []; switch (x) { case 1: r.push('one'); case 2: r.push('two'); break; case 3: r.push('three'); default: r.push('default'); case 4: r.push('four'); } return r.join('+'); }
console.log(sw(1), sw(2), sw(3), sw(4), sw(99));
function strict(x) { switch (x) { case '1': return 'string'; case 1: return 'number'; default: return 'none'; } }
console.log(strict(1), strict('1'), strict(true));
function dflt(x) { switch (x) { default: return 'd'; case 'a': return 'a'; } } console.log(dflt('a'), dflt('b'));
const order = []; const v = (n) => { order.push(n); return n; };
switch (v(2)) { case v(1): break; case v(2): break; case v(3): break; } console.log(order.join());
function block(x) { switch (x) { case 0: { let y = 'zero'; return y; } case 1: { let y = 'one'; return y; } } return 'none'; } console.log(block(0), block(1), block(2));
function truthy(x) { switch (true) { case x > 10: return 'big'; case x > 5: return 'mid'; default: return 'small'; } } console.log(truthy(20), truthy(7), truthy(1));
const nan = NaN; switch (nan) { case NaN: console.log('nan matched'); break; default: console.log('nan not matched'); }
function empty(x) { let r = 'x'; switch (x) {} return r; } console.log(empty(1));
const res = []; for (let i = 0; i < 4; i++) { switch (i) { case 1: continue; case 2: res.push('two'); break; default: res.push(i); } } console.log(res.join());
function obj(o) { const a = {}; switch (o) { case a: return 'same'; case {}: return 'literal'; default: return 'other'; } } console.log(obj({}));
// expect-output: one+two two three+default+four four default+four
// expect-output: number string none
// expect-output: a d
// expect-output: 2,1,2
// expect-output: zero one none
// expect-output: big mid small
// expect-output: nan not matched
// expect-output: x
// expect-output: 0,two,3
// expect-output: other
