console.log('' + 1 + 2, 1 + 2 + '', '5' * '2', '5' + 2, '5' - 2, true + 1, null + 1, undefined + 1);
console.log([] + 1, [2] * [3], {} + '', [1, 2] + [3], String([null]), String([undefined, 1]));
console.log(0 == '', 0 == '0', '' == '0', false == 'false', false == '0', null == false, [0] == false);
console.log(NaN === NaN, Object.is(NaN, NaN), [NaN].indexOf(NaN), [NaN].includes(NaN));
console.log(1 < '2', '10' < '9', 10 < 9, 'a' < 'b', null >= 0, undefined >= 0);
const obj = { valueOf() { return 7; } }; console.log(obj + 1, obj * 2, `${obj}`, obj > 6);
// expect-output: 12 3 10 52 3 2 1 NaN
// expect-output: 1 6 [object Object] 1,23  ,1
// expect-output: true true false false true false true
// expect-output: false true -1 true
// expect-output: true true false true true false
// expect-output: 8 14 [object Object] true
