// Date.UTC, Date.parse and the Date(string) constructor. The engine's local
// time is UTC (no host time zone is read); the corpus runs Node with TZ=UTC,
// so a date-time without an offset (local) and a date-only string (UTC)
// agree with Node here.
console.log(Date.UTC(2024, 2, 5), Date.UTC(2024), Date.UTC(2024, 2, 5, 10, 20, 30, 400), Date.UTC());
// Years 0..99 mean 1900..1999; months and days carry over; fractions truncate.
console.log(Date.UTC(99, 0), Date.UTC(100, 0), Date.UTC(2024, 14, 40), Date.UTC(2024, -1, 0), Date.UTC(2024, 1.9, 1.5));
console.log(Date.UTC(NaN), Date.UTC(2024, Infinity), Date.UTC(275760, 8, 13), Date.UTC(275760, 8, 13, 0, 0, 0, 1), Date.UTC('2024', '1'));
// ISO forms: year, year-month, date (UTC), date-time (local), offsets,
// fractions (extra digits dropped), 24:00, extended years.
for (const s of ['2024', '2024-03', '2024-03-05', '2024-03-05T10:20', '2024-03-05T10:20:30.5',
  '2024-03-05T10:20:30.123456Z', '2024-03-05T10:20:30+02:00', '2024-03-05T10:20:30-0230',
  '2024-03-05T24:00:00Z', '+002024-03-05', '-000001-01-01T00:00:00Z', '+275760-09-13T00:00:00Z',
  '2024-03-05 10:20', ' 2024-03-05 ', '2000-01-01T00:00:00.000+00:00'])
  console.log(JSON.stringify(s), Date.parse(s));
// Out of range fields and malformed strings are NaN.
for (const s of ['2024-13-01', '2024-00-10', '2024-01-32', '2024-03-05T24:00:01Z', '2024-03-05T25:00',
  '+275760-09-13T00:00:00.001Z', '2024-03-05T10', '2024-03-05T10:20:30.Z', 'garbage', '', '12:00'])
  console.log(JSON.stringify(s), Date.parse(s));
// The forms toString() and toUTCString() produce parse back, and a few
// common human-written ones.
const t = Date.UTC(2001, 8, 9, 1, 46, 40);
console.log(Date.parse(new Date(t).toString()) === t, Date.parse(new Date(t).toUTCString()) === t);
for (const s of ['Thu, 01 Jan 1970 00:00:00 GMT', 'March 7, 2024', 'Mar 7 2024 10:00', '7 March 2024',
  '2024/03/07', '03/07/2024', 'Tue Mar 05 2024', 'Jan 1 2000 10:00 PM', 'Jan 1 2000 12:00 AM',
  'Jan 1 2000 GMT+0100', '2024-3-5'])
  console.log(JSON.stringify(s), Date.parse(s));
// new Date(string) parses the same way; new Date(y, m, ...) is local time.
console.log(new Date('2024-03-05').getTime(), new Date('2024-03-05T10:20').toISOString(), new Date(2024, 2, 5, 10, 20).getTime());
console.log(new Date(99, 0).getFullYear(), new Date(2024, 0, 31 + 29).toISOString(), isNaN(new Date(2024, NaN)));
console.log(new Date({ valueOf() { return 5; } }).getTime(), new Date({ toString() { return '1970-01-02'; }, valueOf: undefined }).getTime());
// expect-output: 1709596800000 1704067200000 1709634030400 NaN
// expect-output: 915148800000 -59011459200000 1744156800000 1701302400000 1706745600000
// expect-output: NaN NaN 8640000000000000 NaN 1706745600000
// expect-output: "2024" 1704067200000
// expect-output: "2024-03" 1709251200000
// expect-output: "2024-03-05" 1709596800000
// expect-output: "2024-03-05T10:20" 1709634000000
// expect-output: "2024-03-05T10:20:30.5" 1709634030500
// expect-output: "2024-03-05T10:20:30.123456Z" 1709634030123
// expect-output: "2024-03-05T10:20:30+02:00" 1709626830000
// expect-output: "2024-03-05T10:20:30-0230" 1709643030000
// expect-output: "2024-03-05T24:00:00Z" 1709683200000
// expect-output: "+002024-03-05" 1709596800000
// expect-output: "-000001-01-01T00:00:00Z" -62198755200000
// expect-output: "+275760-09-13T00:00:00Z" 8640000000000000
// expect-output: "2024-03-05 10:20" 1709634000000
// expect-output: " 2024-03-05 " 1709596800000
// expect-output: "2000-01-01T00:00:00.000+00:00" 946684800000
// expect-output: "2024-13-01" NaN
// expect-output: "2024-00-10" NaN
// expect-output: "2024-01-32" NaN
// expect-output: "2024-03-05T24:00:01Z" NaN
// expect-output: "2024-03-05T25:00" NaN
// expect-output: "+275760-09-13T00:00:00.001Z" NaN
// expect-output: "2024-03-05T10" NaN
// expect-output: "2024-03-05T10:20:30.Z" NaN
// expect-output: "garbage" NaN
// expect-output: "" NaN
// expect-output: "12:00" NaN
// expect-output: true true
// expect-output: "Thu, 01 Jan 1970 00:00:00 GMT" 0
// expect-output: "March 7, 2024" 1709769600000
// expect-output: "Mar 7 2024 10:00" 1709805600000
// expect-output: "7 March 2024" 1709769600000
// expect-output: "2024/03/07" 1709769600000
// expect-output: "03/07/2024" 1709769600000
// expect-output: "Tue Mar 05 2024" 1709596800000
// expect-output: "Jan 1 2000 10:00 PM" 946764000000
// expect-output: "Jan 1 2000 12:00 AM" 946684800000
// expect-output: "Jan 1 2000 GMT+0100" 946681200000
// expect-output: "2024-3-5" 1709596800000
// expect-output: 1709596800000 2024-03-05T10:20:00.000Z 1709634000000
// expect-output: 1999 2024-02-29T00:00:00.000Z true
// expect-output: 5 86400000
