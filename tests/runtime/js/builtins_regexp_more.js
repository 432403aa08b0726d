const email = /^[\w.]+@([\w-]+)\.(\w+)$/;
const m = 'joe.b@example.com'.match(email);
console.log(m[1], m[2], m.index, email.test('bad@'), 'a.b.c'.split('.'));
console.log('2021-03-04'.replace(/(?<y>\d+)-(?<m>\d+)-(?<d>\d+)/, '$3.$2.$1'));
const words = 'The rain in SPAIN stays mainly'.match(/ain/gi); console.log(words.length, words.join());
console.log('aaa'.replace(/a*?/g, '-'), 'abc'.replace(/(b)/, '[$1]'), 'x1y2'.replace(/\d/g, '#'));
const re = /\d+/g; let r, found = []; while ((r = re.exec('10 20 30')) !== null) found.push(r[0] + '@' + r.index); console.log(found.join());
console.log(/^\s*$/.test('   '), /colou?r/.test('color'), /[^abc]/.exec('abcd')[0], RegExp('a|b').test('b'));
console.log('one, two;three'.split(/[,;]\s*/), /(\d)(\d)?/.exec('1')[2], 'Tab\tSep'.split(/\t/).length);
// expect-output: example com 0 false [ 'a', 'b', 'c' ]
// expect-output: 04.03.2021
// expect-output: 3 ain,AIN,ain
// expect-output: -a-a-a- a[b]c x#y#
// expect-output: 10@0,20@3,30@6
// expect-output: true true d true
// expect-output: [ 'one', 'two', 'three' ] undefined 2
