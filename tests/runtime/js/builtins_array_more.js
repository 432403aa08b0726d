const people = [{ n: 'a', age: 30 }, { n: 'b', age: 20 }, { n: 'c', age: 30 }];
console.log(people.filter(p => p.age === 30).map(p => p.n).join(''));
console.log(people.slice().sort((x, y) => x.age - y.age).map(p => p.n).join(''));
const grouped = people.reduce((acc, p) => { (acc[p.age] ||= []).push(p.n); return acc; }, {});
console.log(JSON.stringify(grouped));
console.log([1, 2, 3].indexOf(4), [0, -0].includes(-0), [5, 1, 4].toString(), Array.from(new Set([3, 3, 4])));
const matrix = Array.from({ length: 3 }, (_, i) => Array.from({ length: 3 }, (_, j) => i * 3 + j));
console.log(matrix.map(r => r.join(' ')).join(' | '));
console.log([10, 1, 5].sort().join(), ['b', 'a', 'c'].sort().reverse().join(''));
const arr = [1, 2, 3, 4, 5]; arr.splice(-2); console.log(arr, arr.lastIndexOf(1));
console.log([, 'a'].findIndex(x => x === undefined), [3, 4].entries().next().value);
let total = 0; [1, 2, 3].forEach((x, i, all) => { total += x * i + all.length; }); console.log(total);
// expect-output: ac
// expect-output: bac
// expect-output: {"20":["b"],"30":["a","c"]}
// expect-output: -1 true 5,1,4 [ 3, 4 ]
// expect-output: 0 1 2 | 3 4 5 | 6 7 8
// expect-output: 1,10,5 cba
// expect-output: [ 1, 2, 3 ] 0
// expect-output: 0 [ 0, 3 ]
// expect-output: 17
