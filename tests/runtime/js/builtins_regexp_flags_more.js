// regexp flags g/y/s/u/i/m, named groups, lastIndex.
const g = /a(\d)/g; const str = 'a1 a2 a3';
let m; const found = []; while ((m = g.exec(str))) found.push(m[1] + '@' + m.index + '/' + g.lastIndex); console.log(found.join(), g.lastIndex);
const y = /foo/y; y.lastIndex = 3; console.log(y.test('barfoo'), y.lastIndex, y.test('barfoo'), y.lastIndex);
const y2 = /\d/y; console.log(y2.test('a1'), y2.lastIndex, JSON.stringify('1a2'.match(/\d/gy)));
console.log(/a.b/.test('a\nb'), /a.b/s.test('a\nb'), /a.b/s.dotAll, /x/gimsuy.flags, /x/.flags === '');
console.log(/^b$/.test('a\nb'), /^b$/m.test('a\nb'), /HELLO/i.test('hello'), /[a-z]/i.test('Q'));
console.log('😀'.match(/./u)[0].length, /^.$/u.test('😀'), /^..$/u.test('😀'));
const d = /(?<year>\d{4})-(?<month>\d{2})/.exec('on 2024-03 ok'); console.log(d.groups.year, d.groups.month, d.index, d.input.length, d[0]);
console.log(JSON.stringify('2020-01 2021-02'.match(/(?<y>\d{4})-(?<m>\d{2})/g)), [...'2020-01 2021-02'.matchAll(/(?<y>\d{4})-(?<m>\d{2})/g)].map((x) => x.groups.m).join());
const gl = /o/g; console.log(gl.test('foo'), gl.lastIndex, gl.test('foo'), gl.lastIndex, gl.test('foo'), gl.lastIndex);
const re = /(\w)(\d)?/; const r = re.exec('a'); console.log(r.length, r[2], JSON.stringify(r.slice()), 2 in r);
console.log('a.b*c'.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), new RegExp('a+', 'g').source, String(new RegExp('a.b')), new RegExp(/x/g, 'i').flags);
console.log(/(a)|(b)/.exec('b')[1], JSON.stringify('xAy'.split(/(a)/i)), 'aaa'.search(/a{2}/), 'abc'.search(/z/));
console.log(/\bfoo\b/.test('a foo b'), /\Bfoo/.test('afoo'), /(?=a)a/.test('a'), /(?!a)b/.test('b'), /(?<=\$)\d+/.exec('cost $42')[0], /(?<!\$)\b\d+/.exec('$1 2')[0]);
console.log(/(\w)\1/.test('aa'), /(?<c>\w)\k<c>/.test('bb'), /[\s\S]/.test('\n'), /\s+/.exec(' \t\n')[0].length, /[\d-]+/.exec('a12-3b')[0]);
const lazy = /<.+?>/.exec('<a><b>')[0], greedy = /<.+>/.exec('<a><b>')[0]; console.log(lazy, greedy, /a{2,3}/.exec('aaaa')[0], /a{2,}?/.exec('aaaa')[0]);
const sticky = /\w+\s*/y; const tokens = []; let t; while ((t = sticky.exec('let x = 1'))) tokens.push(t[0].trim()); console.log(tokens.join('|'));
console.log(Object.prototype.toString.call(/x/), /x/ instanceof RegExp, typeof /x/, RegExp.prototype.toString.call(/a\/b/g));
// expect-output: 1@0/2,2@3/5,3@6/8 0
// expect-output: true 6 false 0
// expect-output: false 0 ["1"]
// expect-output: false true true gimsuy true
// expect-output: false true true true
// expect-output: 2 true false
// expect-output: 2024 03 3 13 2024-03
// expect-output: ["2020-01","2021-02"] 01,02
// expect-output: true 2 true 3 false 0
// expect-output: 3 undefined ["a","a",null] true
// expect-output: a\.b\*c a+ /a.b/ i
// expect-output: undefined ["x","A","y"] 0 -1
// expect-output: true true true true 42 2
// expect-output: true true true 3 12-3
// expect-output: <a> <a><b> aaa aa
// expect-output: let|x
// expect-output: [object RegExp] true object /a\/b/g
