let out = [];
for (let i = 0; i < 5; i++) { if (i === 1) continue; if (i === 4) break; out.push(i); }
console.log(out.join());
let n = 0; while (n < 3) n++; console.log(n);
do { n--; } while (n > 0); console.log(n);
outer: for (let i = 0; i < 3; i++) { for (let j = 0; j < 3; j++) { if (j === 1) continue outer; if (i === 2) break outer; out.push(i * 10 + j); } }
console.log(out.join());
function sw(x) { switch (x) { case 1: return 'one'; case 2: case 3: return 'two-three'; default: return 'other'; } }
console.log(sw(1), sw(3), sw(9));
let fall = ''; switch (2) { case 1: fall += 'a'; case 2: fall += 'b'; case 3: fall += 'c'; break; case 4: fall += 'd'; } console.log(fall);
for (const k in { a: 1, b: 2 }) console.log('key', k);
for (const ch of 'hi') console.log(ch);
const x = 5 > 3 ? 'yes' : 'no'; console.log(x);
if (0) console.log('no'); else if ('') console.log('no'); else console.log('else');
// expect-output: 0,2,3
// expect-output: 3
// expect-output: 0
// expect-output: 0,2,3,0,10
// expect-output: one two-three other
// expect-output: bc
// expect-output: key a
// expect-output: key b
// expect-output: h
// expect-output: i
// expect-output: yes
// expect-output: else
