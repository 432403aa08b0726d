const s1 = Symbol('desc'), s2 = Symbol('desc');
console.log(s1 === s2, s1.toString(), s1.description, Symbol().description, typeof s1, String(s1));
console.log(Symbol.for('app') === Symbol.for('app'), Symbol.for('app').description);
const o = { [s1]: 1, regular: 2 }; console.log(Object.keys(o), JSON.stringify(o), Object.getOwnPropertySymbols(o).length, o[s1]);
try { s1 + ''; } catch (e) { console.log(e.constructor.name); }
try { new Symbol(); } catch (e) { console.log(e.constructor.name); }
console.log(typeof Symbol.iterator, Symbol.iterator.toString(), Symbol.asyncIterator.description);
const counter = { *[Symbol.iterator]() { yield 1; yield 2; } }; console.log([...counter]);
class Money { constructor(v) { this.v = v; } [Symbol.toPrimitive](hint) { return hint === 'string' ? `$${this.v}` : this.v; } }
const m = new Money(5); console.log(`${m}`, m + 1, m * 2, m > 4);
const desc = Object.getOwnPropertyDescriptor(Symbol.prototype, 'description'); console.log(typeof desc.get);
console.log(Symbol('x') == Symbol('x'), [s1].includes(s1), new Set([s1, s1]).size);
const sk = {}; sk[Symbol.for('k')] = 'v'; console.log(sk[Symbol.for('k')]);
// expect-output: false Symbol(desc) desc undefined symbol Symbol(desc)
// expect-output: true app
// expect-output: [ 'regular' ] {"regular":2} 1 1
// expect-output: TypeError
// expect-output: TypeError
// expect-output: symbol Symbol(Symbol.iterator) Symbol.asyncIterator
// expect-output: [ 1, 2 ]
// expect-output: $5 6 10 true
// expect-output: function
// expect-output: false true 1
// expect-output: v
