console.log((1.005).toFixed(2), (1.45).toFixed(1), (0).toFixed(2), (-1.5).toFixed(0), (123.456).toFixed(), (1e21).toFixed(2));
console.log((0.000001234).toPrecision(2), (123456).toPrecision(2), (1.5).toPrecision(1), (99.99).toPrecision(3), (0).toPrecision(3));
console.log(parseInt('08'), parseInt('0x1f'), parseInt('1f', 16), parseInt('z', 36), parseInt('12px'), parseInt(''), parseInt('  -42  '));
console.log(parseInt('101', 2), parseInt('9', 8), parseInt('10', 37), parseInt('10', 1), parseInt('10', 0), parseInt('0x10', 16), parseInt('-0'));
console.log(parseInt(0.0000005), parseInt('1e3'), parseInt(null, 36), parseFloat('3.14abc'), parseFloat('.5'), parseFloat('-.5e1'), parseFloat('Infinityx'));
console.log(Number(''), Number(' 12 '), Number('1_000'), Number('0b101'), Number('0o17'), Number('1e-2'), Number('-0x10'), Number(null), Number([5]));
console.log(String(0.1 + 0.2), String(1e21), String(1e-7), String(123e-20), String(-0), Object.is(-0, 0), 1 / -0);
console.log((255).toString(16), (255).toString(2), (-255).toString(36), (0.5).toString(2), (3.75).toString(16), Number.MAX_SAFE_INTEGER.toString(36));
console.log(Number.isInteger(5.0), Number.isSafeInteger(2 ** 53), Number.isFinite('5'), isFinite('5'), Number.isNaN('x'), isNaN('x'));
console.log(Number.EPSILON > 0, Number.MIN_VALUE, Number.MAX_VALUE, 2 ** 53 + 1, 0.1 * 3, 9007199254740993);
console.log((1234.5678).toFixed(10), (1e-10).toFixed(3), (5e-324).toString(), (2 ** 31) | 0, 2 ** 32 >>> 0, -1 >>> 0);
console.log(Math.round(-0.5), Math.round(2.5), Math.round(-2.5), Math.trunc(-4.7), Math.sign(-3), Math.max(), Math.min(), Math.hypot(3, 4));
try { (1).toFixed(101); } catch (e) { console.log(e.constructor.name); }
try { (1).toString(1); } catch (e) { console.log(e.constructor.name); }
console.log(+true, +'', +' \n', +'abc', -'5', ~~'7.9', '3' * '4', '3' + 4, 1 + null, 1 + undefined);
// expect-output: 1.00 1.4 0.00 -2 123 1e+21
// expect-output: 0.0000012 1.2e+5 2 100 0.00
// expect-output: 8 31 31 35 12 NaN -42
// expect-output: 5 NaN NaN NaN 10 16 -0
// expect-output: 5 1 1112745 3.14 0.5 -5 Infinity
// expect-output: 0 12 NaN 5 15 0.01 NaN 0 5
// expect-output: 0.30000000000000004 1e+21 1e-7 1.23e-18 0 false -Infinity
// expect-output: ff 11111111 -73 0.1 3.c 2gosa7pa2gv
// expect-output: true false false true false true
// expect-output: true 5e-324 1.7976931348623157e+308 9007199254740992 0.30000000000000004 9007199254740992
// expect-output: 1234.5678000000 0.000 5e-324 -2147483648 0 4294967295
// expect-output: -0 3 -2 -4 -1 -Infinity Infinity 5
// expect-output: RangeError
// expect-output: RangeError
// expect-output: 1 0 0 NaN -5 7 12 34 1 NaN
