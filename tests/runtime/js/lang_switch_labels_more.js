// switch fallthrough, default placement, labeled loops.
function sw(x) { const out = []; switch (x) { case 1: out.push('one'); case 2: out.push('two'); break; default: out.push('def'); case 3: out.push('three'); } return out.join('+'); }
console.log(sw(1), sw(2), sw(3), sw(4));
function strict(x) { switch (x) { case '1': return 'str'; case 1: return 'num'; default: return 'none'; } } console.log(strict(1), strict('1'), strict(true));
const order = []; const k = (v) => { order.push(v); return v; }; switch (3) { case k(1): case k(2): break; case k(3): order.push('hit'); case k(4): order.push('fall'); } console.log(order.join());
function emptyDefault(x) { let r = 'start'; switch (x) { default: case 5: r += '-5ordef'; } return r; } console.log(emptyDefault(5), emptyDefault(1));
const grid = []; rows: for (let r = 0; r < 4; r++) { cols: for (let c = 0; c < 4; c++) { if (c > r) continue rows; if (r === 3) break rows; grid.push(r + '' + c); } } console.log(grid.join());
let found = null; search: for (const a of [[1, 2], [3, 4], [5, 6]]) { for (const b of a) { if (b === 4) { found = b; break search; } } } console.log(found);
const cs = []; outer: for (let i = 0; i < 3; i++) { switch (i) { case 1: continue outer; default: cs.push(i); } cs.push('after' + i); } console.log(cs.join());
let n = 0; lbl: { try { n++; break lbl; } finally { n += 10; } n = -1; } console.log(n);
const wl = []; let i = 0; w: while (i < 10) { i++; for (;;) { if (i % 2) continue w; wl.push(i); break; } if (i > 6) break w; } console.log(wl.join());
function retInSwitch(v) { for (const x of [1, 2, 3]) { switch (x) { case v: return 'got' + x; } } return 'no'; } console.log(retInSwitch(2), retInSwitch(9));
const dd = []; do { dd.push('d'); if (dd.length === 2) continue; } while (dd.length < 3); console.log(dd.join(''));
switch (NaN) { case NaN: console.log('nan matched'); break; default: console.log('nan not matched'); }
const objCase = {}; switch (objCase) { case {}: console.log('literal'); break; case objCase: console.log('same ref'); }
// expect-output: one+two two three def+three
// expect-output: num str none
// expect-output: 1,2,3,hit,fall
// expect-output: start-5ordef start-5ordef
// expect-output: 00,10,11,20,21,22
// expect-output: 4
// expect-output: 0,after0,2,after2
// expect-output: 11
// expect-output: 2,4,6,8
// expect-output: got2 no
// expect-output: ddd
// expect-output: nan not matched
// expect-output: same ref
