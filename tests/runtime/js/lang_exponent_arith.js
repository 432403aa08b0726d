console.log(2 ** 10, 2 ** -1, (-2) ** 3, 2 ** 0.5, 0 ** 0, NaN ** 0, 1 ** Infinity);
let p = 3; p **= 2; console.log(p, 2 ** 3 ** 2, (2 ** 3) ** 2);
console.log(0.1 + 0.2, 0.1 + 0.2 === 0.3, 1 / 0, -1 / 0, 0 / 0, -0 === 0, Object.is(-0, 0));
console.log(5 % 3, -5 % 3, 5 % -3, 5.5 % 2, Infinity % 1, 1 % Infinity);
console.log(7 / 2 | 0, Math.trunc(-7 / 2), ~~-3.7, -3.7 >> 0, 2 ** 31 | 0, 2 ** 32 >>> 0);
console.log(1 - '1', '5' - 2, '5' + 2, '5' * '2', true + true, null + 1, undefined + 1);
console.log(1e21, 1e-7, 123456789012345680000, 0.000001, -1e-7, 2 ** 53, 2 ** 53 + 1);
console.log(0xff, 0o17, 0b101, 1_000_000, .5, 5., 0.1 * 3);
console.log(Number.MAX_SAFE_INTEGER, Number.MIN_VALUE, Number.MAX_VALUE, Number.EPSILON > 0);
let i = 5; console.log(i++ + ++i, i, i-- - --i, i);
console.log(-(-0), 1 / -0, [0, -0].map((z) => Object.is(z, -0)).join());
// expect-output: 1024 0.5 -8 1.4142135623730951 1 1 NaN
// expect-output: 9 512 64
// expect-output: 0.30000000000000004 false Infinity -Infinity NaN true false
// expect-output: 2 -2 2 1.5 NaN 1
// expect-output: 3 -3 -3 -3 -2147483648 0
// expect-output: 0 3 52 10 2 1 NaN
// expect-output: 1e+21 1e-7 123456789012345680000 0.000001 -1e-7 9007199254740992 9007199254740992
// expect-output: 255 15 5 1000000 0.5 5 0.30000000000000004
// expect-output: 9007199254740991 5e-324 1.7976931348623157e+308 true
// expect-output: 12 7 2 5
// expect-output: 0 -Infinity false,true
