// String objects: indices and a read-only own length, like the string.
const s = new String('abc');
console.log(s.length, s[1], Object.keys(s), 'length' in s, s.hasOwnProperty('length'), JSON.stringify(s));
console.log(typeof s, s instanceof String, s + '!', s.toUpperCase(), String.prototype.length);
const e = new String(''); console.log(e.length, Object.keys(e).length, Object(7) instanceof Number);
// expect-output: 3 b [ '0', '1', '2' ] true true "abc"
// expect-output: object true abc! ABC 0
// expect-output: 0 0 true
