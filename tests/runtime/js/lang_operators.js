console.log(1 + '2', '3' * '4', 10 / 4, 7 % -3, -7 % 3, 2 ** 3 ** 2);
console.log(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 10, -16 >> 2, -16 >>> 28);
console.log(1 == '1', 1 === '1', null == undefined, null === undefined, NaN == NaN);
console.log('b' > 'a', 'B' > 'a', 2 < 10, '2' < '10', [] + [], [] + {});
console.log(null ?? 'd', 0 ?? 'd', 0 || 'd', 1 && 'x', !'', !!'a');
console.log(typeof 1, typeof 's', typeof null, typeof undefined, typeof {}, typeof [], typeof Symbol());
console.log('x' in { x: 1 }, 0 in [1], 2 in [1], delete ({ a: 1 }).a);
let i = 0; console.log(i++, i, ++i, i--, --i);
let s = 'a'; s += 'b'; s += 1; console.log(s);
let n = null; n ??= 5; let t = 1; t &&= 2; let f = 0; f ||= 3; console.log(n, t, f);
console.log(void 0, (1, 2, 3), +'  42 ', -'x', +true, +[], +{});
// expect-output: 12 12 2.5 1 -1 512
// expect-output: 1 7 6 -6 1024 -4 15
// expect-output: true false true false false
// expect-output: true false true false  [object Object]
// expect-output: d 0 d x true true
// expect-output: number string object undefined object object symbol
// expect-output: true true false true
// expect-output: 0 1 2 2 0
// expect-output: ab1
// expect-output: 5 2 3
// expect-output: undefined 3 42 NaN 1 0 NaN
