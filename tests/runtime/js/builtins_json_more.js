const data = { users: [{ id: 1, tags: ['a', 'b'], active: true }, { id: 2, tags: [], active: false }], total: 2 };
const text = JSON.stringify(data);
console.log(text);
const back = JSON.parse(text);
console.log(back.users[0].tags[1], back.users.length, back.total === 2);
console.log(JSON.stringify([1, 'a', { b: null }], null, '--'));
console.log(JSON.stringify({ date: new Date(86400000) }), JSON.parse('"\\u00e9"'), JSON.parse(' [1 , 2 ] ')[1]);
console.log(JSON.stringify('\u0001'), JSON.stringify({ a: [] , b: {} }), JSON.parse('1e3'), JSON.parse('null'));
// expect-output: {"users":[{"id":1,"tags":["a","b"],"active":true},{"id":2,"tags":[],"active":false}],"total":2}
// expect-output: b 2 true
// expect-output: [
// expect-output: --1,
// expect-output: --"a",
// expect-output: --{
// expect-output: ----"b": null
// expect-output: --}
// expect-output: ]
// expect-output: {"date":"1970-01-02T00:00:00.000Z"} é 2
// expect-output: "\u0001" {"a":[],"b":{}} 1000 null
