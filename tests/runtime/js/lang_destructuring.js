const { a, b: { c, d = 4 }, ...rest } = { a: 1, b: { c: 3 }, e: 5, f: 6 };
console.log(a, c, d, JSON.stringify(rest));
const [x, [y, z] = [8, 9], ...tail] = [1, undefined, 3, 4];
console.log(x, y, z, tail);
let p = 1, q = 2; [p, q] = [q, p]; console.log(p, q);
function g({ name, age = 30 } = {}) { return name + ':' + age; }
console.log(g({ name: 'ann' }), g());
for (const [k, v] of Object.entries({ u: 1, w: 2 })) console.log(k, v);
const { length } = 'hello'; console.log(length);
const [first, , third] = 'abc'; console.log(first, third);
// expect-output: 1 3 4 {"e":5,"f":6}
// expect-output: 1 8 9 [ 3, 4 ]
// expect-output: 2 1
// expect-output: ann:30 undefined:30
// expect-output: u 1
// expect-output: w 2
// expect-output: 5
// expect-output: a c
