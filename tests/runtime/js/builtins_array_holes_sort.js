// Array holes and sort stability with comparators.
const h = [1, , 3]; console.log(h.length, 1 in h, h[1], JSON.stringify(h), h.includes(undefined));
const visited = []; h.forEach((v, i) => visited.push(i)); console.log(visited.join(), h.map((x) => x * 2).length, 1 in h.map((x) => x), JSON.stringify(h.filter(() => true)));
console.log(Object.keys(h).join(), h.some((x) => x === undefined), h.every((x) => x !== undefined), h.join('-'));
const sp = [, 'a', , 'b']; console.log(JSON.stringify([...sp]), JSON.stringify(Array.from(sp)), sp.findIndex((x) => x === undefined), sp.find((x) => x === undefined));
const grow = []; grow[3] = 'x'; console.log(grow.length, JSON.stringify(grow), Object.keys(grow).join()); grow.length = 1; console.log(grow.length, JSON.stringify(grow));
const del = [1, 2, 3]; delete del[1]; console.log(del.length, 1 in del, JSON.stringify(del), JSON.stringify(del.flat()));
const people = [{ n: 'a', age: 30 }, { n: 'b', age: 25 }, { n: 'c', age: 30 }, { n: 'd', age: 25 }, { n: 'e', age: 30 }];
console.log(people.slice().sort((x, y) => x.age - y.age).map((p) => p.n).join(), people.slice().sort((x, y) => y.age - x.age).map((p) => p.n).join());
const big = Array.from({ length: 30 }, (_, i) => ({ k: i % 3, i })); const sorted = big.slice().sort((a, b) => a.k - b.k); console.log(sorted.every((v, j, arr) => j === 0 || arr[j - 1].k < v.k || arr[j - 1].i < v.i));
console.log([10, 9, 1, 100, 25].sort().join(), [10, 9, 1, 100, 25].sort((a, b) => a - b).join(), ['b', undefined, 'a', , 'c'].sort().length, JSON.stringify(['b', undefined, 'a', 'c'].sort()));
console.log(JSON.stringify([3, 1, 2].sort(() => 0)), JSON.stringify([true, false, true].sort()), JSON.stringify([-1, -2, 0, -0].sort((a, b) => a - b).map((x) => Object.is(x, -0) ? '-0' : x)));
const multi = [['b', 2], ['a', 2], ['c', 1], ['a', 1]]; console.log(JSON.stringify(multi.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]))));
const arr = [5, 1, 4]; const same = arr.sort(); console.log(same === arr, JSON.stringify(arr.toSorted((a, b) => b - a)), JSON.stringify(arr));
try { [1, 2].sort('not a fn'); } catch (e) { console.log(e.constructor.name); }
console.log(JSON.stringify(Array(3).fill().map((_, i) => i)), JSON.stringify(new Array(2).fill(0)), JSON.stringify([1, 2, 3, 4].fill(9, 1, -1)));
console.log(JSON.stringify([1, [2, [3, [4]]]].flat(2)), JSON.stringify([[1], [2]].flatMap((x) => x)), JSON.stringify([1, 2].flatMap((x) => [[x]])));
console.log(JSON.stringify([1, 2, 3, 4, 5].copyWithin ? 'has' : 'no'), [3, 2, 1].at(-1), JSON.stringify([1, 2, 3].splice(-2)), JSON.stringify([0, 1, 2].with(1, 'w')));
// expect-output: 3 false undefined [1,null,3] true
// expect-output: 0,2 3 false [1,3]
// expect-output: 0,2 false true 1--3
// expect-output: [null,"a",null,"b"] [null,"a",null,"b"] 0 undefined
// expect-output: 4 [null,null,null,"x"] 3
// expect-output: 1 [null]
// expect-output: 3 false [1,null,3] [1,3]
// expect-output: b,d,a,c,e a,c,e,b,d
// expect-output: true
// expect-output: 1,10,100,25,9 1,9,10,25,100 5 ["a","b","c",null]
// expect-output: [3,1,2] [false,true,true] [-2,-1,0,"-0"]
// expect-output: [["a",1],["c",1],["a",2],["b",2]]
// expect-output: true [5,4,1] [1,4,5]
// expect-output: TypeError
// expect-output: [0,1,2] [0,0] [1,9,9,4]
// expect-output: [1,2,3,[4]] [1,2] [[1],[2]]
// expect-output: "has" 1 [2,3] [0,"w",2]
