// Builtins filled in for issue #3: Math.clz32, Object.isSealed, Symbol.keyFor,
// Array copyWithin/toSorted/toReversed/toSpliced/with, String search,
// JSON.parse revivers, Object.create's descriptors, groupBy, structuredClone.
// Node 20 has no Object.groupBy/Map.groupBy: the expected lines come from the
// spec-shaped fallbacks below, which llrt never uses (it has both natively).
if (typeof Object.groupBy !== 'function') {
  Object.groupBy = function (items, fn) {
    const out = Object.create(null); let i = 0;
    for (const x of items) { const k = fn(x, i++); (out[k] || (out[k] = [])).push(x); }
    return out;
  };
}
if (typeof Map.groupBy !== 'function') {
  Map.groupBy = function (items, fn) {
    const out = new Map(); let i = 0;
    for (const x of items) { const k = fn(x, i++); if (!out.has(k)) out.set(k, []); out.get(k).push(x); }
    return out;
  };
}
// Math.clz32
console.log(Math.clz32(1), Math.clz32(0), Math.clz32(-1), Math.clz32(0x80000000), Math.clz32(3.7));
console.log(Math.clz32(NaN), Math.clz32(Infinity), Math.clz32(2 ** 32 + 1), Math.clz32('16'), Math.clz32());
// Object.isSealed / seal / freeze
const sealed = Object.seal({ a: 1 });
sealed.a = 2; sealed.b = 3; delete sealed.a;
console.log(Object.isSealed(sealed), Object.isFrozen(sealed), sealed.a, sealed.b);
console.log(Object.isSealed(Object.preventExtensions({ a: 1 })), Object.isSealed(Object.preventExtensions({})));
console.log(Object.isSealed({}), Object.isSealed(Object.freeze({ x: 1 })), Object.isSealed(1), Object.isFrozen('s'));
console.log(Object.isFrozen(Object.preventExtensions({})), Object.isFrozen(Object.seal({ a: 1 })));
// Symbol.keyFor
const reg = Symbol.for('app.key');
console.log(Symbol.keyFor(reg), Symbol.keyFor(Symbol('app.key')), Symbol.keyFor(Symbol.iterator));
try { Symbol.keyFor('app.key'); } catch (e) { console.log(e.constructor.name); }
// copyWithin
console.log([1, 2, 3, 4, 5].copyWithin(0, 3), [1, 2, 3, 4, 5].copyWithin(1, 0, 3));
console.log([1, 2, 3, 4, 5].copyWithin(-2), [1, 2, 3, 4, 5].copyWithin(2, 1), [1, 2, 3].copyWithin(0, 5));
const cw = [1, 2, 3]; console.log(cw.copyWithin(0, 1) === cw, cw);
// toSorted / toReversed / toSpliced / with: copies, the source unchanged
const src = [3, 1, 10, 2];
console.log(src.toSorted(), src.toSorted((x, y) => x - y), src.toReversed(), src);
console.log([, 1].toSorted(), [1, , 3].toReversed(), ['b', undefined, 'a'].toSorted());
try { [].toSorted(1); } catch (e) { console.log(e.constructor.name); }
console.log([1, 2, 3, 4].toSpliced(1, 2, 'a', 'b', 'c'), [1, 2, 3].toSpliced(1), [1, 2, 3].toSpliced());
console.log([1, 2, 3].toSpliced(-1, 0, 'x'), [1, 2, 3].toSpliced(0, 99), src.toSpliced(1, 1).length);
console.log([1, 2, 3].with(1, 9), [1, 2, 3].with(-1, 0), [1, 2, 3].with('0', 'z'));
try { [1].with(5, 0); } catch (e) { console.log(e.constructor.name, e.message); }
try { [1].with(-2, 0); } catch (e) { console.log(e.constructor.name); }
const like = { length: 3, 0: 'a', 1: 'b', 2: 'c' };
console.log(Array.prototype.toReversed.call(like), Array.prototype.with.call(like, 0, 'z'));
// String.prototype.search
console.log('hello world'.search(/o/), 'abc'.search('c'), 'abc'.search(/z/), 'aXb'.search(/x/i));
console.log('a.b'.search('.'), 'a.b'.search(/\./), ''.search(/$/), 'abc'.search());
const g = /b/g; g.lastIndex = 2; console.log('abcb'.search(g), g.lastIndex);
// JSON.parse with a reviver
console.log(JSON.parse('{"a":1,"b":[1,2,{"c":3}]}', (k, v) => typeof v === 'number' ? v * 10 : v));
console.log(JSON.parse('{"a":1,"b":2}', (k, v) => k === 'a' ? undefined : v));
const seen = [];
JSON.parse('{"x":{"y":1},"z":[true]}', function (k, v) { seen.push(k === '' ? '(root)' : k); return v; });
console.log(seen.join(' '));
console.log(JSON.parse('[1,2,3]', (k, v) => k === '1' ? undefined : v).length);
console.log(JSON.parse('"2020"', (k, v) => k === '' ? Number(v) + 1 : v), JSON.parse('5', null));
console.log(JSON.parse('{"d":"2020-01-02T00:00:00.000Z"}', (k, v) => k === 'd' ? new Date(v).getTime() : v).d);
// Object.create with property descriptors
const made = Object.create({ inherited: 1 }, {
  x: { value: 5, enumerable: true },
  y: { get() { return this.x * 2; }, enumerable: false },
  w: { value: 'w', writable: true, enumerable: true, configurable: true },
});
made.x = 100; made.w = 'W';
console.log(made.x, made.y, made.w, made.inherited, Object.keys(made));
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(made, 'x')));
const bare = Object.create(null, { k: { value: 1, enumerable: true } });
console.log(Object.getPrototypeOf(bare), Object.keys(bare));
try { Object.create(5); } catch (e) { console.log(e.constructor.name); }
// Object.groupBy / Map.groupBy
const byParity = Object.groupBy([1, 2, 3, 4, 5], (x) => (x % 2 ? 'odd' : 'even'));
console.log(JSON.stringify(byParity), Object.getPrototypeOf(byParity), Object.keys(byParity));
console.log(JSON.stringify(Object.groupBy('abca', (c, i) => (i < 2 ? 'first' : 'rest'))));
console.log(JSON.stringify(Object.groupBy([], (x) => x)), Object.keys(Object.groupBy([1.5, 2.5], Math.floor)));
const byBig = Map.groupBy([1, 2, 3, 4], (x) => x > 2);
console.log(byBig.get(true), byBig.get(false), byBig.size, [...byBig.keys()]);
const objKey = {}; const byObj = Map.groupBy([1, 2], () => objKey);
console.log(byObj.get(objKey), Map.groupBy(new Set([0, -0]), (x) => x).size);
// structuredClone
const orig = { a: 1, list: [1, { c: 2 }], when: new Date(0), map: new Map([[1, { z: 1 }]]), set: new Set([1, 2]), re: /x+/gi, s: 'str', n: null, u: undefined };
orig.self = orig; orig.list.push(orig.list);
const copy = structuredClone(orig);
console.log(copy !== orig, copy.self === copy, copy.list !== orig.list, copy.list[2] === copy.list);
console.log(copy.list[1].c, copy.when.getTime(), copy.when instanceof Date, copy.map.get(1).z, copy.set.has(2));
console.log(copy.re.source, copy.re.flags, copy.re instanceof RegExp, copy.s, copy.n, 'u' in copy, copy.u);
const shared = { v: 1 }; const pair = structuredClone([shared, shared]);
console.log(pair[0] === pair[1], pair[0] !== shared);
class Point { constructor() { this.x = 1; } get len() { return 5; } }
const pc = structuredClone(new Point());
console.log(pc.x, pc instanceof Point, pc.len, Object.getPrototypeOf(pc) === Object.prototype);
console.log(structuredClone(5), structuredClone('x'), structuredClone(null), structuredClone(true), structuredClone([1, , 3]).length);
try { structuredClone(() => 1); } catch (e) { console.log(e.name, e instanceof Error); }
try { structuredClone({ f() {} }); } catch (e) { console.log(e.name); }
try { structuredClone(Symbol('s')); } catch (e) { console.log(e.name); }
// expect-output: 31 32 0 0 30
// expect-output: 32 32 31 27 32
// expect-output: true false 2 undefined
// expect-output: false true
// expect-output: false true true true
// expect-output: true false
// expect-output: app.key undefined undefined
// expect-output: TypeError
// expect-output: [ 4, 5, 3, 4, 5 ] [ 1, 1, 2, 3, 5 ]
// expect-output: [ 1, 2, 3, 1, 2 ] [ 1, 2, 2, 3, 4 ] [ 1, 2, 3 ]
// expect-output: true [ 2, 3, 3 ]
// expect-output: [ 1, 10, 2, 3 ] [ 1, 2, 3, 10 ] [ 2, 10, 1, 3 ] [ 3, 1, 10, 2 ]
// expect-output: [ 1, undefined ] [ 3, undefined, 1 ] [ 'a', 'b', undefined ]
// expect-output: TypeError
// expect-output: [ 1, 'a', 'b', 'c', 4 ] [ 1 ] [ 1, 2, 3 ]
// expect-output: [ 1, 2, 'x', 3 ] [] 3
// expect-output: [ 1, 9, 3 ] [ 1, 2, 0 ] [ 'z', 2, 3 ]
// expect-output: RangeError Invalid index : 5
// expect-output: RangeError
// expect-output: [ 'c', 'b', 'a' ] [ 'z', 'b', 'c' ]
// expect-output: 4 2 -1 1
// expect-output: 0 1 0 0
// expect-output: 1 2
// expect-output: { a: 10, b: [ 10, 20, { c: 30 } ] }
// expect-output: { b: 2 }
// expect-output: y x 0 z (root)
// expect-output: 3
// expect-output: 2021 5
// expect-output: 1577923200000
// expect-output: 5 10 W 1 [ 'x', 'w' ]
// expect-output: {"value":5,"writable":false,"enumerable":true,"configurable":false}
// expect-output: null [ 'k' ]
// expect-output: TypeError
// expect-output: {"odd":[1,3,5],"even":[2,4]} null [ 'odd', 'even' ]
// expect-output: {"first":["a","b"],"rest":["c","a"]}
// expect-output: {} [ '1', '2' ]
// expect-output: [ 3, 4 ] [ 1, 2 ] 2 [ false, true ]
// expect-output: [ 1, 2 ] 1
// expect-output: true true true true
// expect-output: 2 0 true 1 true
// expect-output: x+ gi true str null true undefined
// expect-output: true true
// expect-output: 1 false undefined true
// expect-output: 5 x null true 3
// expect-output: DataCloneError true
// expect-output: DataCloneError
// expect-output: DataCloneError
