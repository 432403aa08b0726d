const a = [5, 1, 10, 2];
console.log([...a].sort(), [...a].sort((x, y) => x - y), a.toString(), a.join('-'));
console.log(a.indexOf(10), a.includes(NaN), [NaN].includes(NaN), [NaN].indexOf(NaN), a.lastIndexOf(1));
const sp = [1, 2, 3, 4, 5]; const removed = sp.splice(1, 2, 'a', 'b', 'c'); console.log(sp, removed, sp.splice(-2), sp);
console.log([1, [2, [3, [4]]]].flat(), [1, [2, [3, [4]]]].flat(Infinity), [[1], [2]].flatMap((x) => [x, x]));
console.log(Array.from({ length: 3 }, (_, i) => i * 2), Array.of(7), Array(3).length, [, 1].length, Array.from('abc'));
console.log([1, 2, 3].reduce((s, x) => s + x), [[1, 2], [3]].reduceRight((acc, x) => acc.concat(x), []));
try { [].reduce((s, x) => s + x); } catch (e) { console.log(e.constructor.name); }
console.log([1, 2, 3].at(-1), [1, 2, 3].slice(-2), [1, 2, 3].fill(0, 1), new Array(3).fill().map((_, i) => i));
console.log([3, 1, 2].find((x) => x < 3), [3, 1, 2].findIndex((x) => x > 5), [1, 2, 3, 4].findLast((x) => x % 2), [1, 2].findLastIndex((x) => x > 5));
console.log([1, 2].some((x) => x > 1), [].some(() => true), [].every(() => false), [1, 2].every(Number.isInteger));
console.log([1, 2, 3].reverse(), ['b', 'a', 'C'].sort(), [10, 9, 1].sort(), [true, false].sort());
const stable = [{ k: 1, v: 'a' }, { k: 0, v: 'b' }, { k: 1, v: 'c' }, { k: 0, v: 'd' }].sort((x, y) => x.k - y.k); console.log(stable.map((x) => x.v).join(''));
console.log([1, 2].concat(3, [4, [5]]), [].concat.call([], 1).length, Array.isArray([]), Array.isArray({ length: 0 }));
const arr = [1, 2, 3]; arr.length = 1; console.log(arr, arr.length); arr[4] = 5; console.log(arr.length, arr[4], 2 in arr);
console.log([1, 2, 3].map(String), ['1', '2', '3'].map(Number), ['10', '10', '10'].map(parseInt));
console.log([0, 1, 2].filter(Boolean), [undefined, null].join('-'), [[1, 2], [3]].join(';'), [1, 2, 3].keys().next());
const holes = [1, , 3]; let visits = 0; holes.forEach(() => visits++); console.log(visits, holes.map((x) => x * 2));
console.log(Array.prototype.slice.call({ 0: 'a', 1: 'b', length: 2 }), Array.from(new Set([1, 1, 2])));
console.log([1, 2, 3].push(4), [1, 2].unshift(0), [1].pop(), [].pop(), [1, 2].shift());
console.log([5, 25, 100].sort(), [-1, -2, 3].sort((a, b) => b - a), ['é', 'e', 'z'].sort());
// expect-output: [ 1, 10, 2, 5 ] [ 1, 2, 5, 10 ] 5,1,10,2 5-1-10-2
// expect-output: 2 false true -1 1
// expect-output: [ 1, 'a', 'b', 'c' ] [ 2, 3 ] [ 4, 5 ] [ 1, 'a', 'b', 'c' ]
// expect-output: [ 1, 2, [ 3, [ 4 ] ] ] [ 1, 2, 3, 4 ] [ [ 1 ], [ 1 ], [ 2 ], [ 2 ] ]
// expect-output: [ 0, 2, 4 ] [ 7 ] 3 2 [ 'a', 'b', 'c' ]
// expect-output: 6 [ 3, 1, 2 ]
// expect-output: TypeError
// expect-output: 3 [ 2, 3 ] [ 1, 0, 0 ] [ 0, 1, 2 ]
// expect-output: 1 -1 3 -1
// expect-output: true false true true
// expect-output: [ 3, 2, 1 ] [ 'C', 'a', 'b' ] [ 1, 10, 9 ] [ false, true ]
// expect-output: bdac
// expect-output: [ 1, 2, 3, 4, [ 5 ] ] 1 true false
// expect-output: [ 1 ] 1
// expect-output: 5 5 false
// expect-output: [ '1', '2', '3' ] [ 1, 2, 3 ] [ 10, NaN, 2 ]
// expect-output: [ 1, 2 ] - 1,2;3 { value: 0, done: false }
// expect-output: 2 [ 2, <1 empty item>, 6 ]
// expect-output: [ 'a', 'b' ] [ 1, 2 ]
// expect-output: 4 3 1 undefined 1
// expect-output: [ 100, 25, 5 ] [ 3, -1, -2 ] [ 'e', 'z', 'é' ]
