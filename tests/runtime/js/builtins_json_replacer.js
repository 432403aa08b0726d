// JSON.stringify replacers: a function is called with this = the holder,
// the key (a string, "" for the root, the index as a string in arrays) and
// the value after toJSON; an array is an allowlist of property names.
const seen = [];
const out = JSON.stringify({ a: 1, b: [10, { c: 'x' }], d: undefined }, function (k, v) {
  seen.push(`${JSON.stringify(k)}:${typeof k}:${Array.isArray(this) ? 'arr' : typeof this}`);
  return v;
});
console.log(out);
console.log(seen.join(' '));
// The root call: this is a wrapper object whose "" property is the value.
JSON.stringify(42, function (k, v) { console.log(JSON.stringify(k), v, Object.keys(this), this[''] === 42); return v; });
// Replacing, dropping (undefined) and transforming values.
console.log(JSON.stringify({ a: 1, b: 'two', c: 3, d: [1, 'x'] }, (k, v) => (typeof v === 'number' ? v * 10 : v)));
console.log(JSON.stringify({ keep: 1, drop: 2, nested: { drop: 3, keep: 4 } }, (k, v) => (k === 'drop' ? undefined : v)));
console.log(JSON.stringify([1, 2, 3], (k, v) => (k === '1' ? undefined : v)), JSON.stringify({ x: 1 }, () => undefined));
console.log(JSON.stringify('s', (k, v) => (k === '' ? { wrapped: v } : v)), JSON.stringify({ f() {} }, (k, v) => (typeof v === 'function' ? 'fn' : v)));
// A replacer that returns a new object: that object's keys are visited.
console.log(JSON.stringify({ a: 1 }, (k, v) => (k === 'a' ? { inner: [v, v + 1] } : v), 2));
// toJSON receives the key and runs before the replacer.
const withToJSON = { toJSON(key) { return `toJSON(${JSON.stringify(key)})`; } };
console.log(JSON.stringify({ p: withToJSON, q: [withToJSON] }), JSON.stringify(withToJSON));
console.log(JSON.stringify({ p: withToJSON }, (k, v) => (k === 'p' ? `[${v}]` : v)));
console.log(JSON.stringify({ d: new Date(0) }, (k, v) => (k === 'd' ? typeof v : v)));
// Array replacers: only the listed keys, in the list's order, at every
// depth (not for array elements); numbers and String/Number objects count,
// other entries are ignored, and repeats are dropped.
const obj = { b: 2, a: 1, c: { a: 'ca', z: 'cz' }, 1: 'one', arr: [{ a: 5, b: 6 }] };
console.log(JSON.stringify(obj, ['a', 'c']), JSON.stringify(obj, ['c', 'a', 'a']));
console.log(JSON.stringify(obj, [1, 'arr', 'b']), JSON.stringify(obj, [new String('b'), new Number(1), {}, null, true]));
console.log(JSON.stringify(obj, []), JSON.stringify([obj.c], ['z']), JSON.stringify(obj, ['missing']));
// Inherited properties are read when listed.
const child = Object.create({ inherited: 'yes' }); child.own = 'o';
console.log(JSON.stringify(child), JSON.stringify(child, ['inherited', 'own']));
// The indent still applies; non-function, non-array replacers are ignored.
console.log(JSON.stringify({ a: [1], b: {} }, null, '--'), JSON.stringify({ a: 1 }, 'abc'), JSON.stringify({ a: 1 }, {}));
// A replacer that throws, and a real cycle (not only depth) is a TypeError.
try { JSON.stringify({ a: 1 }, () => { throw new Error('boom'); }); } catch (e) { console.log(e.message); }
const cyc = { name: 'c' }; cyc.self = { back: cyc };
try { JSON.stringify(cyc); } catch (e) { console.log(e.name); }
const shared = { v: 1 };
console.log(JSON.stringify({ x: shared, y: shared, z: [shared, shared] }));
let deep = []; for (let i = 0; i < 300; i++) deep = [deep];
console.log(JSON.stringify(deep).length);
// Keys added to the holder by the replacer are not written.
console.log(JSON.stringify({ a: 1, b: 2 }, function (k, v) { if (k === 'a') this.extra = 3; return v; }));
// expect-output: {"a":1,"b":[10,{"c":"x"}]}
// expect-output: "":string:object "a":string:object "b":string:object "0":string:arr "1":string:arr "c":string:object "d":string:object
// expect-output: "" 42 [ '' ] true
// expect-output: {"a":10,"b":"two","c":30,"d":[10,"x"]}
// expect-output: {"keep":1,"nested":{"keep":4}}
// expect-output: [1,null,3] undefined
// expect-output: {"wrapped":"s"} {"f":"fn"}
// expect-output: {
// expect-output:   "a": {
// expect-output:     "inner": [
// expect-output:       1,
// expect-output:       2
// expect-output:     ]
// expect-output:   }
// expect-output: }
// expect-output: {"p":"toJSON(\"p\")","q":["toJSON(\"0\")"]} "toJSON(\"\")"
// expect-output: {"p":"[toJSON(\"p\")]"}
// expect-output: {"d":"string"}
// expect-output: {"a":1,"c":{"a":"ca"}} {"c":{"a":"ca"},"a":1}
// expect-output: {"1":"one","arr":[{"b":6}],"b":2} {"b":2,"1":"one"}
// expect-output: {} [{"z":"cz"}] {}
// expect-output: {"own":"o"} {"inherited":"yes","own":"o"}
// expect-output: {
// expect-output: --"a": [
// expect-output: ----1
// expect-output: --],
// expect-output: --"b": {}
// expect-output: } {"a":1} {"a":1}
// expect-output: boom
// expect-output: TypeError
// expect-output: {"x":{"v":1},"y":{"v":1},"z":[{"v":1},{"v":1}]}
// expect-output: 602
// expect-output: {"a":1,"b":2}
