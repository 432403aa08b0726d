console.log(Math.max(), Math.min(1, NaN), Math.round(0.49999999999999994), Math.round(-0.5), Math.floor(-0));
console.log(Math.abs(-0), Math.sign(0), Math.sqrt(-1), Math.pow(0, 0), Math.pow(NaN, 0), 0.1 * 3);
console.log(Math.log(Math.E), Math.exp(0), Math.trunc(0.9), Math.atan2(1, 1).toFixed(4), Math.imul(3, 4));
console.log(7 / 2 | 0, -7 / 2 | 0, 2 ** -1, (-8) ** (1 / 3), 5 % 0, 1e300 * 1e10);
console.log(Number.MIN_VALUE > 0, Number.MAX_VALUE, 123.456.toFixed(0), (1e21).toString(), (123).toString(8));
// expect-output: -Infinity NaN 0 -0 -0
// expect-output: 0 0 NaN 1 1 0.30000000000000004
// expect-output: 1 1 0 0.7854 12
// expect-output: 3 -3 0.5 NaN NaN Infinity
// expect-output: true 1.7976931348623157e+308 123 1e+21 173
