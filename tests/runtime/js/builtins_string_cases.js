const s = 'Hello, World';
console.log(s.slice(-5), s.substring(5, 0), s.substr ? s.substr(1, 3) : 'n/a', s.at(-1), s.charAt(99), s.charCodeAt(0), s[1]);
console.log(s.split(', '), 'a,b,,c'.split(','), 'abc'.split(''), 'a1b2c3'.split(/\d/), 'x'.split(), 'a,b,c'.split(',', 2));
console.log(s.indexOf('o'), s.lastIndexOf('o'), s.indexOf('o', 5), s.includes('World'), s.startsWith('Hell'), s.endsWith('d'));
console.log('  pad '.trim() + '|', '  pad '.trimStart() + '|', '  pad '.trimEnd() + '|', '5'.padStart(3, '0'), 'ab'.padEnd(5, 'xy'), 'abc'.padStart(2));
console.log('ab'.repeat(3), ''.repeat(5) === '', 'aXbXc'.replace('X', '-'), 'aXbXc'.replaceAll('X', '-'), 'aXbXc'.replace(/x/gi, (m) => m.toLowerCase()));
console.log('abc'.toUpperCase(), 'AB'.toLowerCase(), 'a-b_c'.replace(/[-_](.)/g, (_, c) => c.toUpperCase()));
console.log('John Smith'.replace(/(\w+)\s(\w+)/, '$2, $1'), 'aaa'.replace(/a/g, '$&$&'), 'x'.replace('x', '$$'));
console.log('abc'.localeCompare('abd'), 'b'.localeCompare('a'), 'a'.localeCompare('a'), 'abc'.concat(1, 2), String(null), String([1, [2, 3]]));
try { 'x'.repeat(-1); } catch (e) { console.log(e.constructor.name); }
console.log('😀'.length, '😀'.codePointAt(0), String.fromCodePoint(128512) === '😀', [...'👍🏽'].length);
console.log('abc' < 'abd', 'a' < 'B', 'Z' < 'a', '10' < '9', '10' < 9);
const m = 'key=val; k2=v2'.match(/(\w+)=(\w+)/); console.log(m[0], m[1], m[2], m.index);
console.log('a1b22c333'.match(/\d+/g), 'none'.match(/\d/), [...'a1b2'.matchAll(/[a-z](\d)/g)].map((x) => x[1]));
console.log(String.prototype.trim.call(' x '), 'abc'.split('').reverse().join(''), 'a\tb\nc'.split(/\s/));
console.log('%', 'x'.at(5), 'abc'.slice(2, 1) === '', 'abcdef'.substring(4, 1), 'test'.lastIndexOf(''), ''.split(','));
// expect-output: World Hello ell d  72 e
// expect-output: [ 'Hello', 'World' ] [ 'a', 'b', '', 'c' ] [ 'a', 'b', 'c' ] [ 'a', 'b', 'c', '' ] [ 'x' ] [ 'a', 'b' ]
// expect-output: 4 8 8 true true true
// expect-output: pad| pad |   pad| 005 abxyx abc
// expect-output: ababab true a-bXc a-b-c axbxc
// expect-output: ABC ab aBC
// expect-output: Smith, John aaaaaa $
// expect-output: -1 1 0 abc12 null 1,2,3
// expect-output: RangeError
// expect-output: 2 128512 true 2
// expect-output: true false true true false
// expect-output: key=val key val 0
// expect-output: [ '1', '22', '333' ] null [ '1', '2' ]
// expect-output: x cba [ 'a', 'b', 'c' ]
// expect-output: % undefined true bcd 4 [ '' ]
