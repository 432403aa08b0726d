const d = new Date(Date.UTC ? 0 : 0);
const t = new Date(1700000000000);
console.log(t.toISOString(), t.getUTCDay(), t.getFullYear(), t.getMonth() + 1);
console.log(new Date(2020, 0, 31).getDate(), new Date(2020, 1, 1).getTime() - new Date(2020, 0, 31).getTime());
console.log(JSON.stringify({ when: new Date(0) }), new Date(8.64e15 + 1).getTime(), typeof d.valueOf());
console.log(new Date('1999-12-31T23:59:59Z').getUTCFullYear(), new Date(0) < new Date(1), +new Date(5));
// expect-output: 2023-11-14T22:13:20.000Z 2 2023 11
// expect-output: 31 86400000
// expect-output: {"when":"1970-01-01T00:00:00.000Z"} NaN number
// expect-output: 1999 true 5
