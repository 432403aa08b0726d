const re = /(?<year>\d{4})-(?<month>\d{2})/;
const m = re.exec('on 2024-03 and 2025-12'); console.log(m[0], m.groups.year, m.groups.month, m.index, m.length);
const g = /o/g; console.log(g.test('foo'), g.lastIndex, g.test('foo'), g.lastIndex, g.test('foo'), g.lastIndex);
console.log(/abc/i.test('ABC'), /^b/m.test('a\nb'), /^b/.test('a\nb'), /a.c/s.test('a\nc'), /a.c/.test('a\nc'));
const flags = /x/gimsuy; console.log(flags.flags, flags.global, flags.ignoreCase, flags.multiline, flags.sticky, flags.unicode, flags.dotAll);
console.log(/a/.source, new RegExp('\\d+', 'g').flags, String(/x\/y/g));
const y = /foo/y; y.lastIndex = 3; console.log(y.test('barfoo'), y.lastIndex, y.test('barfoo'));
console.log('2024-03'.replace(re, '$2/$1'), 'aBc'.replace(/b/i, (x) => `[${x}]`), 'a.b.c'.split('.'));
const all = [...'a1b2c3'.matchAll(/([a-z])(\d)/g)]; console.log(all.length, all[1][0], all[1][1], all[1].index);
console.log('x'.match(/(y)?x/)[1], /(a)|(b)/.exec('b')[1], 'aaa'.match(/a*?/)[0].length, 'abcabc'.lastIndexOf('c'));
console.log(/\bword\b/.test('a word here'), /[^\s]+/.exec('  hi there')[0], /\u0041/.test('A'), /\x41/.test('A'));
console.log('Price: $42.50'.match(/\$(\d+)\.(\d+)/).slice(1), /(\w)\1/.test('hello'), /(\w)\1/.test('helo'));
const emails = 'a@x.com, b@y.org'.match(/\w+@\w+\.\w+/g); console.log(emails);
console.log(/^[\w.]+$/.test('a.b_c'), /colou?r/.test('color'), /\d{2,3}/.exec('1 12345')[0], /(?:ab)+/.exec('ababx')[0]);
console.log(/(?=a)a/.test('a'), /a(?!b)/.exec('abac').index, 'x-y_z'.replace(/[-_]/g, ''), 'tab\there'.replace(/\s/g, '_'));
try { new RegExp('('); } catch (e) { console.log(e.constructor.name); }
const r2 = /a/g; const str = 'aXa'; let mm; const idx = []; while ((mm = r2.exec(str)) !== null) idx.push(mm.index); console.log(idx);
console.log('AbC'.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase()), RegExp.prototype.toString.call(/a/g));
// expect-output: 2024-03 2024 03 3 3
// expect-output: true 2 true 3 false 0
// expect-output: true true false true false
// expect-output: gimsuy true true true true true true
// expect-output: a g /x\/y/g
// expect-output: true 6 false
// expect-output: 03/2024 a[B]c [ 'a', 'b', 'c' ]
// expect-output: 3 b2 b 2
// expect-output: undefined undefined 0 5
// expect-output: true hi true true
// expect-output: [ '42', '50' ] true false
// expect-output: [ 'a@x.com', 'b@y.org' ]
// expect-output: true true 123 abab
// expect-output: true 2 xyz tab_here
// expect-output: SyntaxError
// expect-output: [ 0, 2 ]
// expect-output: _ab_c /a/g
