console.log(JSON.stringify({ a: [1, { b: 2 }], c: 'str', d: null, e: undefined, f: () => 1, g: Symbol('s') }));
console.log(JSON.stringify([undefined, function () {}, Symbol('x'), NaN, Infinity, -0]));
console.log(JSON.stringify('he said "hi"\n\t\\'), JSON.stringify('\u0001\u001f'), JSON.stringify('é😀'));
console.log(JSON.stringify({ date: new Date(0) }), JSON.stringify({ toJSON() { return 'custom'; } }));
console.log(JSON.stringify({ a: 1, b: [1, 2] }, null, 2));
console.log(JSON.stringify([1, [2]], null, '--'), JSON.stringify({}, null, 2), JSON.stringify([], null, 2));
console.log(JSON.stringify(undefined), JSON.stringify(null), JSON.stringify(5), JSON.stringify(true), JSON.stringify(new Map([[1, 2]])), JSON.stringify(new Boolean(false)));
const p = JSON.parse('{"a":[1,2,{"b":null}],"c":"\\u0041\\n","d":-1.5e2,"e":true}'); console.log(p.a[2].b, p.c, p.d, p.e, Object.keys(p));
for (const bad of ['{a:1}', "{'a':1}", '[1,]', '', 'undefined', '{"a":1}x']) { try { JSON.parse(bad); console.log('parsed', bad); } catch (e) { console.log(e.constructor.name); } }
console.log(JSON.parse(' [ 1 , "2" ] ')[1], JSON.parse('"str"'), JSON.parse('123'), JSON.parse('null'));
const circ = { name: 'c' }; circ.self = circ; try { JSON.stringify(circ); } catch (e) { console.log(e.constructor.name); }
console.log(JSON.stringify({ 2: 'b', 1: 'a', x: 'x' }), JSON.stringify(Object.create({ inherited: 1 })), JSON.stringify([new Number(3), new String('s')]));
console.log(JSON.stringify({ nested: { deep: { deeper: [1, { x: [] }] } } }, null, 1).split('\n').length);
// expect-output: {"a":[1,{"b":2}],"c":"str","d":null}
// expect-output: [null,null,null,null,null,0]
// expect-output: "he said \"hi\"\n\t\\" "\u0001\u001f" "é😀"
// expect-output: {"date":"1970-01-01T00:00:00.000Z"} "custom"
// expect-output: {
// expect-output:   "a": 1,
// expect-output:   "b": [
// expect-output:     1,
// expect-output:     2
// expect-output:   ]
// expect-output: }
// expect-output: [
// expect-output: --1,
// expect-output: --[
// expect-output: ----2
// expect-output: --]
// expect-output: ] {} []
// expect-output: undefined null 5 true {} false
// expect-output: null A
// expect-output:  -150 true [ 'a', 'c', 'd', 'e' ]
// expect-output: SyntaxError
// expect-output: SyntaxError
// expect-output: SyntaxError
// expect-output: SyntaxError
// expect-output: SyntaxError
// expect-output: SyntaxError
// expect-output: 2 str 123 null
// expect-output: TypeError
// expect-output: {"1":"a","2":"b","x":"x"} {} [3,"s"]
// expect-output: 12
