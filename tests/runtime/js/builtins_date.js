const d = new Date(0);
console.log(d.getTime(), d.toISOString(), d.getUTCFullYear(), d.getMonth(), d.getDate(), d.getDay());
const e = new Date(2024, 1, 29, 12, 30, 15, 500);
console.log(e.toISOString(), e.getHours(), e.getMinutes(), e.getSeconds(), e.getMilliseconds());
console.log(new Date('2000-01-02T03:04:05Z').getTime(), typeof Date.now(), new Date(NaN).getTime());
// expect-output: 0 1970-01-01T00:00:00.000Z 1970 0 1 4
// expect-output: 2024-02-29T12:30:15.500Z 12 30 15 500
// expect-output: 946782245000 number NaN
