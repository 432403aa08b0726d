const s1 = Symbol('desc'), s2 = Symbol('desc');
console.log(typeof s1, s1 === s2, s1.toString(), s1.description, Symbol.for('x') === Symbol.for('x'));
const o = { [s1]: 1, plain: 2 }; console.log(o[s1], Object.keys(o).length);
const iterable = { *[Symbol.iterator]() {} };
const custom = { [Symbol.iterator]() { let i = 0; return { next: () => ({ done: i >= 3, value: i++ }) }; } };
console.log([...custom], Array.from(custom));
for (const v of custom) console.log('v', v);
// expect-output: symbol false Symbol(desc) desc true
// expect-output: 1 1
// expect-output: [ 0, 1, 2 ] [ 0, 1, 2 ]
// expect-output: v 0
// expect-output: v 1
// expect-output: v 2
