const a = [5, 1, 4];
console.log(a.length, a.push(2), a, a.pop(), a.shift(), a.unshift(0), a);
console.log([1, 2, 3, 4].slice(1, 3), [1, 2, 3].slice(-2), [1, 2, 3].concat([4], 5));
const s = [1, 2, 3, 4, 5]; console.log(s.splice(1, 2, 'a', 'b', 'c'), s);
console.log([1, 2, 3].indexOf(2), [1, 2, 3].includes(4), [NaN].includes(NaN), [NaN].indexOf(NaN));
console.log([1, 2, 3].join('-'), [1, [2, [3, [4]]]].flat(2), [[1], [2]].flatMap(x => x));
console.log([3, 1, 10, 2].sort(), [3, 1, 10, 2].sort((x, y) => x - y), ['b', 'a'].reverse());
console.log([1, 2, 3].find(x => x > 1), [1, 2, 3].findIndex(x => x > 5), [1, 2, 3].findLast(x => x < 3));
console.log([1, 2, 3].some(x => x > 2), [1, 2, 3].every(x => x > 2), [1, 2, 3].at(-1));
console.log(Array.from({ length: 3 }, (_, i) => i * i), Array.of(7, 8), Array.isArray([]), Array.from('ab'));
console.log(new Array(3).fill(0), [..."xyz"].keys().next(), [...[7, 8].entries()]);
console.log([1, 2, 3, 4].reduce((s, x) => s + x), [[1, 2], [3]].reduceRight((acc, x) => acc.concat(x), []));
const arr = [1, 2, 3]; arr.length = 1; console.log(arr, arr.length);
const sparse = [1, , 3]; console.log(sparse.length, 1 in sparse);
console.log(String([1, [2, 3]]), [undefined, null].join());
// expect-output: 3 4 [ 0, 1, 4 ] 2 5 3 [ 0, 1, 4 ]
// expect-output: [ 2, 3 ] [ 2, 3 ] [ 1, 2, 3, 4, 5 ]
// expect-output: [ 2, 3 ] [ 1, 'a', 'b', 'c', 4, 5 ]
// expect-output: 1 false true -1
// expect-output: 1-2-3 [ 1, 2, 3, [ 4 ] ] [ 1, 2 ]
// expect-output: [ 1, 10, 2, 3 ] [ 1, 2, 3, 10 ] [ 'a', 'b' ]
// expect-output: 2 -1 2
// expect-output: true false 3
// expect-output: [ 0, 1, 4 ] [ 7, 8 ] true [ 'a', 'b' ]
// expect-output: [ 0, 0, 0 ] { value: 0, done: false } [ [ 0, 7 ], [ 1, 8 ] ]
// expect-output: 10 [ 3, 1, 2 ]
// expect-output: [ 1 ] 1
// expect-output: 3 false
// expect-output: 1,2,3 ,
