console.log(0.1 + 0.2, 1 / 3, 1e21, 1e-7, 123456789012, -0 === 0, 2 ** 53);
console.log((255).toString(16), (255).toString(2), (3.14159).toFixed(2), (0.000001234).toPrecision(2), (1234.5678).toFixed(1));
console.log(parseInt('42px'), parseInt('0x1f'), parseInt('101', 2), parseFloat('3.5e2x'), Number('12'), Number(''), Number('1_0'));
console.log(Number.isInteger(5), Number.isInteger(5.5), Number.isNaN('x'), isNaN('x'), Number.MAX_SAFE_INTEGER);
console.log(Math.max(1, 3, 2), Math.min(), Math.floor(-1.5), Math.ceil(1.2), Math.round(2.5), Math.round(-2.5), Math.abs(-3));
console.log(Math.trunc(-4.7), Math.sign(-3), Math.sqrt(16), Math.pow(2, 10), Math.hypot(3, 4), Math.cbrt(27));
console.log(Infinity - Infinity, 1 / 0, -1 / 0, 0 / 0, Number.EPSILON > 0, (25).toString(36));
console.log(Math.PI.toFixed(5), typeof Math.random(), Math.random() < 1);
// expect-output: 0.30000000000000004 0.3333333333333333 1e+21 1e-7 123456789012 true 9007199254740992
// expect-output: ff 11111111 3.14 0.0000012 1234.6
// expect-output: 42 31 5 350 12 0 NaN
// expect-output: true false false true 9007199254740991
// expect-output: 3 Infinity -2 2 3 -2 3
// expect-output: -4 -1 4 1024 5 3
// expect-output: NaN Infinity -Infinity NaN true p
// expect-output: 3.14159 number true
