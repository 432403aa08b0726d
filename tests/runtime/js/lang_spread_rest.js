const a = [1, 2], b = [3, ...a, 4];
console.log(b, Math.max(...b), [...'abc'], [...new Set([1, 1, 2])]);
function sum(...xs) { return xs.reduce((s, x) => s + x, 0); }
console.log(sum(...a, ...b), sum());
const o = { ...{ x: 1 }, ...null, ...{ y: 2 } }; console.log(o);
console.log([...new Map([[1, 2]])]);
// expect-output: [ 3, 1, 2, 4 ] 4 [ 'a', 'b', 'c' ] [ 1, 2 ]
// expect-output: 13 0
// expect-output: { x: 1, y: 2 }
// expect-output: [ [ 1, 2 ] ]
