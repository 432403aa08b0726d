// Date UTC getters with fixed timestamps.
const d = new Date(1709251198123);
console.log(d.toISOString(), d.getTime(), d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay());
console.log(d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds(), d.valueOf() === +d);
const e = new Date(0); console.log(e.toISOString(), e.getUTCDay(), JSON.stringify(e), JSON.stringify({ when: e }));
console.log(new Date(-1).toISOString(), new Date(86400000 * 365).getUTCFullYear(), new Date('1999-12-31T24:00:00Z').getTime());
try { new Date(NaN).toISOString(); } catch (ex) { console.log(ex.constructor.name); }
console.log(new Date(2020, 0, 1).getTimezoneOffset(), new Date('2020-01-01T00:00:00Z').getTime());
console.log(String(new Date(NaN).getTime()), new Date(NaN).getUTCFullYear(), isNaN(new Date('garbage')));
const a = new Date('2024-03-10T00:00:00Z'), b = new Date('2024-03-01T00:00:00Z'); console.log((a - b) / 864e5, a > b, [a, b].sort((x, y) => x - y)[0] === b);
console.log(typeof Date.now(), new Date(8.64e15).getUTCFullYear(), isNaN(new Date(8.64e15 + 1).getTime()));
console.log(Object.prototype.toString.call(d), typeof d, d instanceof Date, new Date(d).getTime() === d.getTime());
console.log(new Date('2024-02-29T12:00:00.5Z').getUTCMilliseconds(), new Date('2024-02-29').toISOString(), new Date(2024, 1, 29, 10).toISOString());
console.log(new Date(1e12).getUTCFullYear(), new Date(1e12).getUTCMonth(), new Date(1e12).getUTCDay(), new Date(1e12).toISOString());
// expect-output: 2024-02-29T23:59:58.123Z 1709251198123 2024 1 29 4
// expect-output: 23 59 58 123 true
// expect-output: 1970-01-01T00:00:00.000Z 4 "1970-01-01T00:00:00.000Z" {"when":"1970-01-01T00:00:00.000Z"}
// expect-output: 1969-12-31T23:59:59.999Z 1971 946684800000
// expect-output: RangeError
// expect-output: 0 1577836800000
// expect-output: NaN NaN true
// expect-output: 9 true true
// expect-output: number 275760 true
// expect-output: [object Date] object true true
// expect-output: 500 2024-02-29T00:00:00.000Z 2024-02-29T10:00:00.000Z
// expect-output: 2001 8 0 2001-09-09T01:46:40.000Z
