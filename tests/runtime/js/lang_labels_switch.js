let out = [];
loop: for (let i = 0; i < 4; i++) {
  switch (i) {
    case 1: continue loop;
    case 3: break loop;
    default: out.push(i);
  }
  out.push('after' + i);
}
console.log(out.join());
block: { out = []; if (true) break block; out.push('no'); }
console.log(out.length);
let k = 0; do { k++; if (k === 2) continue; } while (k < 3); console.log(k);
// expect-output: 0,after0,2,after2
// expect-output: 0
// expect-output: 3
