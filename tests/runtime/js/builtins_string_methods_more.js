// split with limits, replace with functions and patterns, padding, trimming.
console.log(JSON.stringify('a,b,c,d'.split(',', 0)), JSON.stringify('a,b,c,d'.split(',', 3)), JSON.stringify('abc'.split('', 2)), JSON.stringify(''.split('')));
console.log(JSON.stringify('a1b2c3'.split(/(\d)/)), JSON.stringify('a, b ,c'.split(/\s*,\s*/)), JSON.stringify('test'.split('t')));
console.log('2024-01-15'.replace(/(\d+)-(\d+)-(\d+)/, '$3/$2/$1'), 'abc'.replace('b', '[$&]'), 'abc'.replace(/(b)(c)/, '$2$1'), 'abc'.replace('b', '$0'));
console.log('a-b-c'.replace(/-/g, (m, off, str) => off + str.length), 'x1y2'.replace(/(\d)/g, (m, d) => d * 2), 'aaa'.replace('a', () => '$&'));
console.log('abc'.replace(/$/, '!'), 'abc'.replace(/^/, '^'), 'aXa'.replace(/a/gy, 'b'), 'x'.replace(/(y)?x/, '[$1]'));
console.log('5'.padStart(4, 'ab'), 'abc'.padEnd(6, '12345'), 'x'.padStart(3), '|' + 'x'.padEnd(0) + '|', 'ab'.padStart(5, ''));
console.log('[' + '\t\n x \r\n'.trimStart() + ']', '[' + ' x \t'.trimEnd() + ']', '[' + '\n y \n'.trim() + ']');
console.log(['b', 'a', 'c'].sort((x, y) => x.localeCompare(y)).join(), 'a'.localeCompare('b') < 0);
console.log('Hello'.startsWith('ell', 1), 'Hello'.endsWith('Hel', 3), 'Hello'.includes('l', 4), 'abcabc'.indexOf('c', -5), 'abcabc'.lastIndexOf('c'));
console.log('abc'.at(-4), 'abc'.substring(-1, 2), 'abc'.slice(-2, -1), 'abcdef'.substr(-3, 2), 'abc'.charAt(-1) === '');
console.log('a-b_c d'.split(/[-_ ]/).map((w, i) => i ? w.toUpperCase() : w).join(''), 'CamelCaseString'.replace(/([A-Z])/g, ' $1').trim().split(' ').length);
console.log('x'.concat(), 'tag'.repeat(0) === '', String.raw`a\n${1}b`, 'abc'.split('').map((ch) => ch.charCodeAt(0)).join('-'));
console.log('%d items'.replace('%d', 3), 'a.b.c'.replaceAll('.', '/'), 'aaa'.replaceAll('aa', 'b'), 'xyz'.replaceAll(/y/g, (m) => m.toUpperCase()));
console.log('abc'.localeCompare('ABC') !== 0, 'a' < 'b', ['10', '9', '1'].sort().join(), 'ß'.length, 'İ'.length);
// expect-output: [] ["a","b","c"] ["a","b"] []
// expect-output: ["a","1","b","2","c","3",""] ["a","b","c"] ["","es",""]
// expect-output: 15/01/2024 a[b]c acb a$0c
// expect-output: a6b8c x2y4 $&aa
// expect-output: abc! ^abc bXa []
// expect-output: aba5 abc123   x |x| ab
// expect-output: [x 
// expect-output: ] [ x] [y]
// expect-output: a,b,c true
// expect-output: true true false 2 5
// expect-output: undefined ab b de true
// expect-output: aBCD 3
// expect-output: x true a\n1b 97-98-99
// expect-output: 3 items a/b/c ba xYz
// expect-output: true true 1,10,9 1 1
