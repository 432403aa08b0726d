// Gaps the corpus found, fixed: lastIndexOf's fromIndex, holes skipped by
// indexOf/lastIndexOf/reduce (not by includes), codePointAt out of range,
// replaceAll with a non-global RegExp, bound functions' name and length.
console.log('abcabc'.lastIndexOf('a', 2), 'abcabc'.lastIndexOf('a'), 'abcabc'.lastIndexOf('c', -5),
  'abc'.lastIndexOf(''), 'abc'.lastIndexOf('', 1), 'abcabc'.lastIndexOf('bc', NaN), 'aé€a'.lastIndexOf('a', 2));
console.log([1, , 3].indexOf(undefined), [1, , 3].lastIndexOf(undefined), [1, , 3].includes(undefined));
console.log([1, , 3].reduce((a, b) => a + b), [, , 5, , 6].reduce((a, b) => a + b), [1, , 3].reduceRight((a, b) => a + b));
try { [, ,].reduce((a) => a); } catch (e) { console.log(e.constructor.name); }
console.log('abc'.codePointAt(5), 'abc'.charCodeAt(5), 'abc'.at(5));
try { 'a'.replaceAll(/a/, 'b'); } catch (e) { console.log(e.constructor.name); }
console.log('aa'.replaceAll(/a/g, 'b'));
function nm(a, b, c) {}
const b1 = nm.bind(null), b2 = nm.bind(null, 1), b3 = b2.bind(null, 2, 3, 4);
console.log(b1.name, b1.length, b2.name, b2.length, b3.name, b3.length, JSON.stringify((() => {}).bind().name));
// expect-output: 0 3 -1 3 1 4 0
// expect-output: -1 -1 true
// expect-output: 4 11 4
// expect-output: TypeError
// expect-output: undefined NaN undefined
// expect-output: TypeError
// expect-output: bb
// expect-output: bound nm 3 bound nm 2 bound bound nm 0 "bound "
