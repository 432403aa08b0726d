// spread of iterables, Array.from, arguments.
console.log(JSON.stringify([...'héllo']), JSON.stringify([...new Set([1, 1, 2])]), JSON.stringify([...new Map([[1, 'a']])]));
console.log(JSON.stringify([...[1, , 3]]), [...[1, , 3]].hasOwnProperty(1), JSON.stringify([...[].keys()]), JSON.stringify([...['a', 'b'].entries()]));
const custom = { from: 1, to: 4, [Symbol.iterator]() { let c = this.from, t = this.to; return { next: () => (c <= t ? { value: c++, done: false } : { value: undefined, done: true }) }; } };
console.log(JSON.stringify([...custom]), Math.max(...custom), Array.from(custom).length);
function count() { return arguments.length; } console.log(count(...'abc', ...[1, 2]), count(...[]), count(...[undefined]));
try { [...{}]; } catch (e) { console.log(e.constructor.name); }
try { Math.max(...123); } catch (e) { console.log(e.constructor.name); }
const merged = { ...{ a: 1, b: 2 }, ...{ b: 3 }, ...null, ...undefined, ...'hi', ...[9] }; console.log(JSON.stringify(merged));
const withGetter = { get g() { return 'evaluated'; } }; const copy = { ...withGetter }; console.log(JSON.stringify(Object.getOwnPropertyDescriptor(copy, 'g')));
console.log(JSON.stringify(Array.from({ length: 3 }, (_, i) => i * i)), JSON.stringify(Array.from({ length: 2, 0: 'x', 1: 'y' })), JSON.stringify(Array.from('ab', (c, i) => c + i)));
console.log(JSON.stringify(Array.of(7)), JSON.stringify(Array(3)), Array(3).length, JSON.stringify([...Array(2)]));
const nested = [[1, 2], [3, [4, 5]]]; console.log(JSON.stringify([].concat(...nested)), JSON.stringify(nested.flat(Infinity)));
function rest(a, ...r) { return r; } console.log(JSON.stringify(rest(1)), JSON.stringify(rest(1, 2, 3)), rest.length);
const gen = function* () { yield* [1, 2]; yield 3; }; console.log(JSON.stringify([0, ...gen(), 4]));
const args = (function () { return [...arguments]; })(1, 'a'); console.log(JSON.stringify(args), Array.isArray(args));
const str = [...'👍a']; console.log(str.length, str[1]);
const sym = Symbol('s'); const symObj = { ...{ [sym]: 1 } }; console.log(symObj[sym], Object.getOwnPropertySymbols(symObj).length);
const newArr = new Array(...[1, 2, 3]); console.log(newArr.length, new Date(...[0]).getTime());
// expect-output: ["h","é","l","l","o"] [1,2] [[1,"a"]]
// expect-output: [1,null,3] true [] [[0,"a"],[1,"b"]]
// expect-output: [1,2,3,4] 4 4
// expect-output: 5 0 1
// expect-output: TypeError
// expect-output: TypeError
// expect-output: {"0":9,"1":"i","a":1,"b":3}
// expect-output: {"value":"evaluated","writable":true,"enumerable":true,"configurable":true}
// expect-output: [0,1,4] ["x","y"] ["a0","b1"]
// expect-output: [7] [null,null,null] 3 [null,null]
// expect-output: [1,2,3,[4,5]] [1,2,3,4,5]
// expect-output: [] [2,3] 1
// expect-output: [0,1,2,3,4]
// expect-output: [1,"a"] true
// expect-output: 2 a
// expect-output: 1 1
// expect-output: 3 0
