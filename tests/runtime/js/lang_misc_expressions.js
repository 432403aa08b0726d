const a = [1, 2, 3];
console.log(a?.length, a?.[5]?.x, (a.length > 2 && 'long') || 'short', a.length > 5 ? 'big' : a.length > 2 ? 'mid' : 'small');
let x = 10; x -= 3; x *= 2; x /= 7; x **= 3; x %= 5; x <<= 2; x >>= 1; x |= 1; x &= 7; x ^= 2; console.log(x);
console.log(typeof typeof 1, !!null, +!!'x', -(-3), ~~3.7, '3' - - '3');
console.log([1, 2] == '1,2', [] == false, null == 0, undefined == 0, NaN != NaN, '' == 0);
console.log(1 < 2 < 3, 3 > 2 > 1, 'abc'[1], 'abc'['length'], [10, 20][1]);
const key = 'dynamic'; const o = { [`${key}_1`]: 1, [key.toUpperCase()]: 2 }; console.log(Object.keys(o).join());
console.log((() => { try { return 'try'; } finally { console.log('fin'); } })());
console.log(void 'ignored', typeof void 0, (function () { return arguments.length; })(1, 2, 3));
// expect-output: 3 undefined long mid
// expect-output: 5
// expect-output: string false 1 3 3 6
// expect-output: true true false false true true
// expect-output: true false b 3 20
// expect-output: dynamic_1,DYNAMIC
// expect-output: fin
// expect-output: try
// expect-output: undefined undefined 3
