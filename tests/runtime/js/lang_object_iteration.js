const o = { z: 1, a: 2, 5: 'five', 1: 'one' };
for (const k in o) console.log('in', k);
for (const [k, v] of Object.entries(o)) console.log('entry', k, v);
const proto = { inherited: true }; const child = Object.create(proto); child.own = 1;
const keys = []; for (const k in child) keys.push(k); console.log(keys.join());
const arr = ['x', 'y']; arr.extra = 'e'; for (const i in arr) console.log('arr key', i);
console.log(Object.keys('str'), Object.entries([9]).join());
// expect-output: in 1
// expect-output: in 5
// expect-output: in z
// expect-output: in a
// expect-output: entry 1 one
// expect-output: entry 5 five
// expect-output: entry z 1
// expect-output: entry a 2
// expect-output: own,inherited
// expect-output: arr key 0
// expect-output: arr key 1
// expect-output: arr key extra
// expect-output: [ '0', '1', '2' ] 0,9
