// Tagged templates: cooked and raw strings, substitutions, one frozen
// strings object per call site, member and call expressions as tags.
function tag(s, ...v) { return s.raw.join('|') + ':' + s.join('|') + ':' + v.join(','); }
console.log(tag`a${1}b\n${2}c`);
console.log(tag``, tag`${'only'}`, tag`\u0041\x42`);
const sites = new Set();
function keep(s) { sites.add(s); return s.length; }
for (let i = 0; i < 3; i++) keep`x${i}y`;
keep`x${0}y`;
console.log(sites.size, Object.isFrozen([...sites][0]), Object.isFrozen([...sites][0].raw));
const obj = { pre: 'P', fmt(s, x) { return this.pre + s[0] + x + s[1]; } };
console.log(obj.fmt`<${42}>`);
const make = (n) => (s, ...v) => n + s.join('_') + v.length;
console.log(make('m:')`a${1}b${2}c`);
console.log(String.raw`a\n${1 + 1}b${'x'}`, String.raw({ raw: ['x', 'y', 'z'] }, 1, 2, 3));
console.log(String.raw({ raw: 'abc' }, '-', '+'), String.raw({ raw: [] }) === '');
// expect-output: a|b\n|c:a|b
// expect-output: |c:1,2
// expect-output: :: |:|:only \u0041\x42:AB:
// expect-output: 2 true true
// expect-output: P<42>
// expect-output: m:a_b_c2
// expect-output: a\n2bx x1y2z
// expect-output: a-b+c true
