console.log((123.456).toFixed(1), (0.000001234).toPrecision(2), (1234.5678).toFixed(2), (1.005).toFixed(2), (255).toString(16), (255).toString(2), (-255).toString(36));
console.log(Number('0x1f'), Number(''), Number(' 12 '), Number('12px'), Number(null), Number(undefined), Number([5]), Number('1e3'), Number('-Infinity'));
console.log(parseInt('12px'), parseInt('0x1f'), parseInt('101', 2), parseInt(''), parseFloat('3.14abc'), parseFloat('.5'), parseInt('  -42'), parseFloat('1e3x'));
console.log(Number.isInteger(5.0), Number.isInteger(5.5), Number.isSafeInteger(2 ** 53), Number.isNaN('x'), isNaN('x'), Number.isFinite('1'), isFinite('1'));
console.log(Math.round(2.5), Math.round(-2.5), Math.round(0.49), Math.floor(-1.5), Math.ceil(-1.5), Math.trunc(-1.9), Math.sign(-3), Math.sign(0));
console.log(Math.max(), Math.min(), Math.max(1, NaN), Math.abs(-5), Math.hypot(3, 4), Math.cbrt(27), Math.sqrt(-1), Math.pow(2, 10));
console.log(Math.log2(8), Math.log10(1000), Math.exp(0), Math.PI.toFixed(5), Math.E.toFixed(3), Math.atan2(1, 1).toFixed(4), Math.fround(5.5));
console.log((1e21).toString(), (123e-20).toString(), (0.1).toFixed(20).length, (1.45).toFixed(1), (-1.5).toFixed(0), (1e-10).toFixed(3));
console.log(Number.MAX_SAFE_INTEGER + 2, 9007199254740993, 0.1 * 0.2, 1 / 3, 100 / 3, 2 / 3 * 3);
console.log((25).toString(36), Number('0b101'), Number('0o17'), +'1_000', (12345.6789).toPrecision(3), (0).toFixed(2), (-0).toString());
const r = Math.random(); console.log(r >= 0 && r < 1, typeof Math.random());
console.log(Number.parseFloat === parseFloat, (5).toString().length, 5..toString(), Number.prototype.toString.call(10, 8));
try { (1).toFixed(101); } catch (e) { console.log(e.constructor.name); }
try { (1).toString(1); } catch (e) { console.log(e.constructor.name); }
console.log(~~'7', '3' * '4', 7 / '2', '8' / 0, -'0', Object.is(-'0', -0), 0.1 + 0.7, 1.1 * 3);
// expect-output: 123.5 0.0000012 1234.57 1.00 ff 11111111 -73
// expect-output: 31 0 12 NaN 0 NaN 5 1000 -Infinity
// expect-output: 12 31 5 NaN 3.14 0.5 -42 1000
// expect-output: true false false false true false true
// expect-output: 3 -2 0 -2 -1 -1 -1 0
// expect-output: -Infinity Infinity NaN 5 5 3 NaN 1024
// expect-output: 3 3 1 3.14159 2.718 0.7854 5.5
// expect-output: 1e+21 1.23e-18 22 1.4 -2 0.000
// expect-output: 9007199254740992 9007199254740992 0.020000000000000004 0.3333333333333333 33.333333333333336 2
// expect-output: p 5 15 NaN 1.23e+4 0.00 0
// expect-output: true number
// expect-output: true 1 5 12
// expect-output: RangeError
// expect-output: RangeError
// expect-output: 7 12 3.5 Infinity -0 true 0.7999999999999999 3.3000000000000003
