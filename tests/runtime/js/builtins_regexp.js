console.log(/(\d+)-(\d+)/.exec('tel 12-34').slice(1), /abc/i.test('xABCx'), /^a/m.test('b\na'));
console.log('2020-01-15'.replace(/(\d+)-(\d+)-(\d+)/, '$3/$2/$1'), 'a1b2c3'.replace(/\d/g, d => d * 2));
console.log('one two  three'.split(/\s+/), 'x'.match(/y/), 'a1b22'.match(/\d+/g));
const re = /o/g; console.log(re.exec('foo').index, re.lastIndex, re.exec('foo').index, re.exec('foo'));
const m = /(?<year>\d{4})/.exec('in 1999'); console.log(m.groups.year, m.index);
console.log(new RegExp('a+', 'g').source, /x/gi.flags, String(/a\/b/), [...'a1b2'.matchAll(/\d/g)].map(m => m[0]));
// expect-output: [ '12', '34' ] true true
// expect-output: 15/01/2020 a2b4c6
// expect-output: [ 'one', 'two', 'three' ] null [ '1', '22' ]
// expect-output: 1 2 2 null
// expect-output: 1999 3
// expect-output: a+ gi /a\/b/ [ '1', '2' ]
