const csv = 'name,age\nann,30\nbob,25';
const rows = csv.split('\n').slice(1).map(l => l.split(','));
console.log(rows.map(([n, a]) => `${n.toUpperCase()}:${+a + 1}`).join(';'));
console.log('camelCaseString'.replace(/([A-Z])/g, '_$1').toLowerCase());
console.log('  x  '.trimStart() + '|', '  x  '.trimEnd() + '|', 'abc'.split('').reverse().join(''));
console.log('%', 'a%b', 'The quick brown fox'.split(' ', 2), 'x'.codePointAt(0), 'aaa'.lastIndexOf('a'));
console.log('Hello'.startsWith('ell', 1), 'abc'.substring(2, 0), 'abcdef'.slice(2, -1), 'ab'.concat('cd', 'ef'));
console.log(['z', 'a', 'M'].sort().join(), 'abc' < 'abd', 'a'.localeCompare('b'));
console.log('tom,dick,,harry'.split(',').filter(Boolean).length, 'x-y-z'.split('-', 0).length);
// expect-output: ANN:31;BOB:26
// expect-output: camel_case_string
// expect-output: x  |   x| cba
// expect-output: % a%b [ 'The', 'quick' ] 120 2
// expect-output: true ab cde abcdef
// expect-output: M,a,z true -1
// expect-output: 3 0
