// Date setters (UTC and local, which are the same with local time = UTC),
// setTime, and the string forms. Each setter returns the new time value.
const d = new Date(Date.UTC(2024, 0, 31, 12, 30, 45, 500));
console.log(d.setUTCMonth(1), d.toISOString()); // Feb 31 rolls over to Mar 2
console.log(d.setUTCDate(0), d.toISOString()); // day 0: the last day of the month before
console.log(d.setUTCFullYear(2023, 11, 25), d.toISOString());
console.log(d.setUTCHours(25), d.toISOString(), d.setUTCHours(1, 2, 3, 4), d.toISOString());
console.log(d.setUTCMinutes(-1), d.toISOString(), d.setUTCSeconds(61, 999), d.toISOString());
console.log(d.setUTCMilliseconds(1500), d.toISOString(), d.setUTCMonth(0, 15), d.toISOString());
// The local setters behave the same here.
const l = new Date(0);
console.log(l.setFullYear(2000), l.setMonth(5), l.setDate(15), l.setHours(8, 9), l.setMinutes(30), l.setSeconds(5), l.setMilliseconds(7), l.toISOString());
// A missing argument is undefined, so the date becomes invalid.
const m = new Date(0);
console.log(m.setUTCHours(), m.getTime(), m.setUTCDate(5), m.toString());
// On an invalid date only setFullYear starts again (from 1970-01-01T00:00Z).
const n = new Date(NaN);
console.log(n.setUTCMonth(3), n.setUTCFullYear(2020), n.toISOString(), new Date(NaN).setFullYear(2021, 1, 3));
// Arguments are converted in order.
const order = [];
new Date(0).setUTCHours({ valueOf() { order.push('h'); return 1; } }, { valueOf() { order.push('m'); return 2; } });
console.log(order.join());
// Out of range results are NaN; setTime clips and truncates.
const r = new Date(0);
console.log(r.setUTCFullYear(275761), r.setTime(8.64e15), r.setTime(8.64e15 + 1), r.setTime(1.9), r.setTime('12'), r.setTime(), r.getTime());
console.log(Date.prototype.setUTCHours.length, Date.prototype.setFullYear.length, Date.prototype.setMilliseconds.length, Date.UTC.length, Date.parse.length);
// The string forms (local time is UTC), extended years, Invalid Date.
const s = new Date(Date.UTC(2001, 8, 9, 1, 46, 40));
console.log(s.toString());
console.log(s.toUTCString(), '|', s.toDateString(), '|', s.toTimeString());
console.log(String(new Date(-62198755200000)), new Date(-62198755200000).toISOString(), new Date(8.64e15).toISOString());
console.log(new Date(-1e14).toISOString(), new Date(Date.UTC(10000, 0)).toISOString(), new Date(Date.UTC(0, 0) - Date.UTC(1900, 0)).toISOString());
console.log(String(new Date(NaN)), new Date(NaN).toUTCString(), new Date(NaN).getTimezoneOffset(), new Date(0).getTimezoneOffset());
console.log(typeof Date(), Date().length === s.toString().length, `${new Date(0)}` === new Date(0).toString(), new Date(0) + 1);
// toJSON: null for an invalid date, and generic over any object.
console.log(JSON.stringify([new Date(NaN), new Date(1)]), Date.prototype.toJSON.call({ toISOString() { return 'iso'; } }));
console.log(Date.prototype.toJSON.call({ valueOf() { return NaN; }, toISOString() { return 'x'; } }));
// expect-output: 1709382645500 2024-03-02T12:30:45.500Z
// expect-output: 1709209845500 2024-02-29T12:30:45.500Z
// expect-output: 1703507445500 2023-12-25T12:30:45.500Z
// expect-output: 1703554245500 2023-12-26T01:30:45.500Z 1703552523004 2023-12-26T01:02:03.004Z
// expect-output: 1703552343004 2023-12-26T00:59:03.004Z 1703552401999 2023-12-26T01:00:01.999Z
// expect-output: 1703552402500 2023-12-26T01:00:02.500Z 1673744402500 2023-01-15T01:00:02.500Z
// expect-output: 946684800000 959817600000 961027200000 961056540000 961057800000 961057805000 961057805007 2000-06-15T08:30:05.007Z
// expect-output: NaN NaN NaN Invalid Date
// expect-output: NaN 1577836800000 2020-01-01T00:00:00.000Z 1612310400000
// expect-output: h,m
// expect-output: NaN 8640000000000000 NaN 1 12 NaN NaN
// expect-output: 4 3 1 7 1
// expect-output: Sun Sep 09 2001 01:46:40 GMT+0000 (Coordinated Universal Time)
// expect-output: Sun, 09 Sep 2001 01:46:40 GMT | Sun Sep 09 2001 | 01:46:40 GMT+0000 (Coordinated Universal Time)
// expect-output: Fri Jan 01 -0001 00:00:00 GMT+0000 (Coordinated Universal Time) -000001-01-01T00:00:00.000Z +275760-09-13T00:00:00.000Z
// expect-output: -001199-02-15T14:13:20.000Z +010000-01-01T00:00:00.000Z 1970-01-01T00:00:00.000Z
// expect-output: Invalid Date Invalid Date NaN 0
// expect-output: string true true Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)1
// expect-output: [null,"1970-01-01T00:00:00.001Z"] iso
// expect-output: null
