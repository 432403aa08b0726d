console.log(JSON.stringify({ a: 1, b: [true, null, 'x'], c: undefined, d: () => 1 }));
console.log(JSON.stringify([undefined, function () {}]), JSON.stringify('he said "hi"\n'), JSON.stringify(NaN));
console.log(JSON.stringify({ a: { b: 1 }, c: [1, 2] }, null, 2));
const p = JSON.parse('{"x":[1,2,{"y":"z"}],"n":-1.5e2,"t":true,"u":null,"s":"a\\u0041\\n"}');
console.log(p.x[2].y, p.n, p.t, p.u, p.s);
try { JSON.parse('{bad'); } catch (e) { console.log(e.name); }
console.log(JSON.stringify({ toJSON() { return 'custom'; } }), JSON.stringify(new Date(0)));
console.log(JSON.stringify(new Map()), JSON.stringify(Object.create({ inherited: 1 })));
// expect-output: {"a":1,"b":[true,null,"x"]}
// expect-output: [null,null] "he said \"hi\"\n" null
// expect-output: {
// expect-output:   "a": {
// expect-output:     "b": 1
// expect-output:   },
// expect-output:   "c": [
// expect-output:     1,
// expect-output:     2
// expect-output:   ]
// expect-output: }
// expect-output: z -150 true null aA
// expect-output:
// expect-output: SyntaxError
// expect-output: "custom" "1970-01-01T00:00:00.000Z"
// expect-output: {} {}
