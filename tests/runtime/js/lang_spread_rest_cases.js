function sum(...ns) { return ns.reduce((a, b) => a + b, 0); }
console.log(sum(), sum(1), sum(...[1, 2], 3, ...[4]), sum.length);
function firstRest(a, b, ...c) { return `${a}|${b}|${c.length}`; } console.log(firstRest(1), firstRest(1, 2, 3, 4), firstRest.length);
console.log([...'abc'], [...new Set([3, 1, 3])], [...new Map([[1, 'a']])], [...[, 1]]);
const base = { a: 1, b: 2 }; const over = { ...base, b: 3, ...{ c: 4 }, ...null, ...undefined, ...'hi' };
console.log(JSON.stringify(over));
const withGetter = { get g() { return 'got'; } }; const copy = { ...withGetter };
console.log(Object.getOwnPropertyDescriptor(copy, 'g').value, typeof Object.getOwnPropertyDescriptor(copy, 'g').get);
const proto = { inherited: 1 }; const own = Object.create(proto); own.x = 1; console.log(JSON.stringify({ ...own }));
console.log(Math.max(...[1, 5, 3]), Math.min(...[]), String.fromCharCode(...[104, 105]));
const nested = [[1, 2], [3]]; const flat = [].concat(...nested); console.log(flat);
function args() { return [...arguments].reverse(); } console.log(args(1, 2, 3));
const { a, ...others } = { a: 1, b: 2, c: 3 }; console.log(a, others);
const s = Symbol('s'); const withSym = { ...{ [s]: 1, v: 2 } }; console.log(withSym[s], Object.keys(withSym));
console.log(new Date(...[2020, 0, 15]).getMonth(), [...Array(3).keys()]);
const clone = [...[1, [2]]]; console.log(clone[1] === clone[1], clone.length);
// expect-output: 0 1 10 0
// expect-output: 1|undefined|0 1|2|2 2
// expect-output: [ 'a', 'b', 'c' ] [ 3, 1 ] [ [ 1, 'a' ] ] [ undefined, 1 ]
// expect-output: {"0":"h","1":"i","a":1,"b":3,"c":4}
// expect-output: got undefined
// expect-output: {"x":1}
// expect-output: 5 Infinity hi
// expect-output: [ 1, 2, 3 ]
// expect-output: [ 3, 2, 1 ]
// expect-output: 1 { b: 2, c: 3 }
// expect-output: 1 [ 'v' ]
// expect-output: 0 [ 0, 1, 2 ]
// expect-output: true 2
