const out = [];
outer: for (let i = 0; i < 3; i++) { for (let j = 0; j < 3; j++) { if (j === 1) continue outer; if (i === 2) break outer; out.push(`${i}${j}`); } }
console.log(out.join());
let n = 0; block: { n++; if (n) break block; n = 100; } console.log(n);
const w = []; let k = 0; loop: while (true) { k++; do { if (k > 3) break loop; w.push(k); } while (false); } console.log(w.join(), k);
const f = []; for (const x of [1, 2, 3, 4, 5]) { if (x % 2) continue; f.push(x); } console.log(f.join());
const fi = []; for (const key in { a: 1, b: 2, c: 3 }) { if (key === 'b') continue; fi.push(key); } console.log(fi.join());
let d = 0; do { d++; } while (d < 5); console.log(d);
let cnt = 0; for (;;) { if (++cnt > 4) break; } console.log(cnt);
const lsw = []; sw: for (const v of [1, 2, 3]) { switch (v) { case 2: break sw; default: lsw.push(v); } } console.log(lsw.join());
const comma = []; for (let a = 0, b = 10; a < b; a += 3, b -= 3) comma.push(a + ':' + b); console.log(comma.join());
const ar = [1, 2, 3]; for (const v of ar) { if (ar.length < 6) ar.push(v * 10); } console.log(ar.join());
const inherited = Object.create({ p: 1 }); inherited.o = 2; const ks = []; for (const kk in inherited) ks.push(kk); console.log(ks.join());
const arrIn = []; for (const idx in ['x', 'y']) arrIn.push(typeof idx + idx); console.log(arrIn.join());
const fnLoop = (function () { for (const v of [1, 2, 3]) { if (v === 2) return 'ret' + v; } return 'none'; })(); console.log(fnLoop);
const ordering = []; for (const key in { 2: 'a', b: 'b', 1: 'c', a: 'd' }) ordering.push(key); console.log(ordering.join());
// expect-output: 00,10
// expect-output: 1
// expect-output: 1,2,3 4
// expect-output: 2,4
// expect-output: a,c
// expect-output: 5
// expect-output: 5
// expect-output: 1
// expect-output: 0:10,3:7
// expect-output: 1,2,3,10,20,30
// expect-output: o,p
// expect-output: string0,string1
// expect-output: ret2
// expect-output: 1,2,b,a
