const s = 'Hello, World';
console.log(s.length, s.toUpperCase(), s.toLowerCase(), s.charAt(1), s.charCodeAt(0), s[4]);
console.log(s.indexOf('o'), s.lastIndexOf('o'), s.includes('World'), s.startsWith('Hell'), s.endsWith('ld'));
console.log(s.slice(7), s.slice(-5, -1), s.substring(5, 0), s.substr(1, 3));
console.log('  pad '.trim() + '|', 'a,b,,c'.split(','), 'abc'.split(''), 'x'.repeat(3));
console.log('5'.padStart(3, '0'), '5'.padEnd(3, '*'), 'aXbXc'.replace('X', '-'), 'aXbXc'.replaceAll('X', '-'));
console.log('abc'.at(-1), 'a-b'.concat('-c', 1), String(123), String(null), 'z' < 'za');
console.log([...'héllo'].length, 'héllo'.length, 'ñ'.charCodeAt(0));
console.log(String.fromCharCode(72, 105), 'abc'.localeCompare('abd'), 'a\tb'.length);
// expect-output: 12 HELLO, WORLD hello, world e 72 o
// expect-output: 4 8 true true true
// expect-output: World Worl Hello ell
// expect-output: pad| [ 'a', 'b', '', 'c' ] [ 'a', 'b', 'c' ] xxx
// expect-output: 005 5** a-bXc a-b-c
// expect-output: c a-b-c1 123 null true
// expect-output: 5 5 241
// expect-output: Hi -1 3
