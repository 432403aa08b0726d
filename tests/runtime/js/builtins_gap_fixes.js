// Gaps the corpus found, fixed: lastIndexOf's fromIndex, holes skipped by
// indexOf/lastIndexOf/reduce (not by includes), codePointAt out of range,
// replaceAll with a non-global RegExp, bound functions' name and length,
// toExponential, JSON.parse's strict number grammar.
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
console.log((12345.6789).toExponential(2), (12345.6789).toExponential(), (0).toExponential(),
  (1).toExponential(3), (-1.5e-7).toExponential(), (123).toExponential(0), NaN.toExponential(2));
try { (1).toExponential(101); } catch (e) { console.log(e.constructor.name); }
for (const t of ['01', '1.', '-', '0x10', '1e', '-0', '1.5e+3', '[1,-2.5E-2,0]', '00', '-01', '1.e2', '1e+', ' 7 ']) {
  try { console.log(t, JSON.stringify(JSON.parse(t))); } catch (e) { console.log(t, e.constructor.name); }
}
// expect-output: 0 3 -1 3 1 4 0
// expect-output: -1 -1 true
// expect-output: 4 11 4
// expect-output: TypeError
// expect-output: undefined NaN undefined
// expect-output: TypeError
// expect-output: bb
// expect-output: bound nm 3 bound nm 2 bound bound nm 0 "bound "
// expect-output: 1.23e+4 1.23456789e+4 0e+0 1.000e+0 -1.5e-7 1e+2 NaN
// expect-output: RangeError
// expect-output: 01 SyntaxError
// expect-output: 1. SyntaxError
// expect-output: - SyntaxError
// expect-output: 0x10 SyntaxError
// expect-output: 1e SyntaxError
// expect-output: -0 0
// expect-output: 1.5e+3 1500
// expect-output: [1,-2.5E-2,0] [1,-0.025,0]
// expect-output: 00 SyntaxError
// expect-output: -01 SyntaxError
// expect-output: 1.e2 SyntaxError
// expect-output: 1e+ SyntaxError
// expect-output:  7  7
