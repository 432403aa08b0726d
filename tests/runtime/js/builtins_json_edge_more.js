// JSON stringify indent/replacer arrays/toJSON and parse edge cases.
const o = { b: 2, a: [1, { c: 3 }], s: 'x' };
console.log(JSON.stringify(o, null, 2));
console.log(JSON.stringify(o, null, '--'), JSON.stringify([], null, 2), JSON.stringify({}, null, 2));
console.log(JSON.stringify({ u: undefined, f() {}, s: Symbol('x'), n: null }), JSON.stringify([undefined, () => 1, Symbol('y')]));
console.log(JSON.stringify(NaN), JSON.stringify(-0), JSON.stringify(Infinity), JSON.stringify('"\\\n\t\u0001'), JSON.stringify(undefined));
console.log(JSON.stringify({ toJSON() { return { replaced: true }; } }), JSON.stringify({ d: { toJSON() { return 'via toJSON'; } } }));
console.log(JSON.stringify(new Date(0)), JSON.stringify([new Boolean(false), new String('s'), new Number(3)]), JSON.stringify(Object.create({ inherited: 1 })));
console.log(JSON.stringify({ a: 1 }, null, 20).split('\n')[1].length, JSON.stringify([1, [2]], null, 1));
const cyc = {}; cyc.self = cyc; try { JSON.stringify(cyc); } catch (e) { console.log(e.constructor.name); }
console.log(JSON.parse(' [1, "2", true, null, {"a": {}}] ').length, JSON.parse('"\\u0041\\n"'), JSON.parse('-0') === 0, JSON.parse('1e3'));
for (const bad of ['{a:1}', "'x'", '[1,]', 'undefined', '{"a":1,}', '', 'NaN']) { try { JSON.parse(bad); console.log('parsed', bad); } catch (e) { console.log('bad', JSON.stringify(bad), e.constructor.name); } }
console.log(JSON.stringify(JSON.parse('{"b":1,"a":2,"1":3}')), JSON.parse('{"a":1,"a":2}').a);
console.log(JSON.stringify(JSON.parse('{"a":[1,2],"b":{"c":3}}', (k, v) => (Array.isArray(v) ? v.length : v))));
const seen = []; JSON.parse('{"x":{"y":1},"z":[2]}', function (k, v) { seen.push(k); return v; }); console.log(seen.join('|'));
console.log(JSON.stringify(new Map([[1, 2]])), JSON.stringify(new Set([1])), JSON.stringify({ [Symbol('s')]: 1, k: 1 }), JSON.stringify('😀'));
// expect-output: {
// expect-output:   "b": 2,
// expect-output:   "a": [
// expect-output:     1,
// expect-output:     {
// expect-output:       "c": 3
// expect-output:     }
// expect-output:   ],
// expect-output:   "s": "x"
// expect-output: }
// expect-output: {
// expect-output: --"b": 2,
// expect-output: --"a": [
// expect-output: ----1,
// expect-output: ----{
// expect-output: ------"c": 3
// expect-output: ----}
// expect-output: --],
// expect-output: --"s": "x"
// expect-output: } [] {}
// expect-output: {"n":null} [null,null,null]
// expect-output: null 0 null "\"\\\n\t\u0001" undefined
// expect-output: {"replaced":true} {"d":"via toJSON"}
// expect-output: "1970-01-01T00:00:00.000Z" [false,"s",3] {}
// expect-output: 16 [
// expect-output:  1,
// expect-output:  [
// expect-output:   2
// expect-output:  ]
// expect-output: ]
// expect-output: TypeError
// expect-output: 5 A
// expect-output:  true 1000
// expect-output: bad "{a:1}" SyntaxError
// expect-output: bad "'x'" SyntaxError
// expect-output: bad "[1,]" SyntaxError
// expect-output: bad "undefined" SyntaxError
// expect-output: bad "{\"a\":1,}" SyntaxError
// expect-output: bad "" SyntaxError
// expect-output: bad "NaN" SyntaxError
// expect-output: {"1":3,"b":1,"a":2} 2
// expect-output: {"a":2,"b":{"c":3}}
// expect-output: y|x|0|z|
// expect-output: {} {} {"k":1} "😀"
