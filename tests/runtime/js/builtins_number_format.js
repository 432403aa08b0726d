console.log(1e21, 1e20, 123e-20, 0.000001, 0.0000001, 1.5e300, -1e-7, 100 / 3);
console.log((0.1).toFixed(20).length, (1.005).toFixed(2), (123.456).toPrecision(4), (0.00001234).toPrecision(2));
console.log((1e21).toFixed(2), (255).toString(16).toUpperCase(), (-255).toString(2), (0.5).toString(2));
console.log(Number('0b101'), Number('0o17'), Number('  12  '), Number('12px'), Number(null), Number([5]), Number('Infinity'));
console.log(parseInt('  -42abc'), parseInt('abc'), parseFloat('.5'), parseFloat('-.5e1'), (25).toString(36), 2 ** 31 | 0);
// expect-output: 1e+21 100000000000000000000 1.23e-18 0.000001 1e-7 1.5e+300 -1e-7 33.333333333333336
// expect-output: 22 1.00 123.5 0.000012
// expect-output: 1e+21 FF -11111111 0.1
// expect-output: 5 15 12 NaN 0 5 Infinity
// expect-output: -42 NaN 0.5 -5 p -2147483648
