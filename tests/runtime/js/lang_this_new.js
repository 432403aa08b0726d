const obj = { v: 1, regular() { return this.v; }, arrow: () => typeof this, nested() { return [1].map(() => this.v); } };
console.log(obj.regular(), obj.arrow(), obj.nested()[0]);
function F() { if (!new.target) return 'no new'; this.made = true; }
console.log(F(), new F().made);
function R() { return { replaced: true }; }
console.log(new R().replaced);
const bound = obj.regular.bind({ v: 99 }); console.log(bound());
console.log(obj.regular.call({ v: 7 }), obj.regular.apply({ v: 8 }, []));
function add(a, b, c) { return a + b + c; }
const add1 = add.bind(null, 1); console.log(add1(2, 3), add.apply(null, [1, 2, 3]));
// expect-output: 1 object 1
// expect-output: no new true
// expect-output: true
// expect-output: 99
// expect-output: 7 8
// expect-output: 6 6
