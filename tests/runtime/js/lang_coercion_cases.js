console.log('' == 0, '0' == false, [] == false, [0] == false, [1] == 1, [1, 2] == '1,2', null == 0, undefined == 0, null >= 0);
console.log({} == '[object Object]', NaN != NaN, 'abc' == new String('abc'), new String('a') == new String('a'), 0 == -0);
console.log(1 < 2 < 3, 3 > 2 > 1, '2' > '12', 2 > '12', 'a' < 'b', null < 1, undefined < 1, [2] > 1);
console.log(!!'false', !!NaN, !!{}, !![], !!'', !!-0, !!document_undefined_check());
function document_undefined_check() { return typeof document === 'undefined'; }
console.log(String(123), String(-0), String([1, [2, [3]]]), String({}), String(() => 1).length > 0, String(true));
console.log(Number(true), Number([]), Number(['7']), Number([1, 2]), Number({}), Number('  \n42\t'), Number(new Date(5)));
console.log(1 + null, 1 + undefined, '1' + null, true + '1', [] + 1, {} + 1, [1] + [2], 1 + [2]);
console.log('3' - - '3', '3' + - '3', +'', +' ', +'\n', -'', typeof (+'x'));
const obj = { valueOf: () => 5, toString: () => 'str' }; console.log(obj + 1, `${obj}`, obj * 2, String(obj), obj + '', obj == 5);
console.log([10, 1, 2].sort().join(), ['b', 'a'].toString(), [null] + '', [undefined] == '', [[]] == 0);
console.log(parseInt(0.0000005), parseInt('123abc', 16), (0.1).toString(2).length > 10);
console.log(Boolean(' '), Boolean('0'), Boolean(new Boolean(false)), typeof new Boolean(false), !!Symbol());
// expect-output: true true true true true true false false true
// expect-output: true true true false true
// expect-output: true false true false true true false true
// expect-output: true false true true false false true
// expect-output: 123 0 1,2,3 [object Object] true true
// expect-output: 1 0 7 NaN NaN 42 5
// expect-output: 1 NaN 1null true1 1 [object Object]1 12 12
// expect-output: 6 3-3 0 0 0 -0 number
// expect-output: 6 str 10 str 5 true
// expect-output: 1,10,2 b,a  true true
// expect-output: 5 1194684 true
// expect-output: true true true object true
