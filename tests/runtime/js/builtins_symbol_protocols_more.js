// Symbol.toPrimitive, valueOf/toString order, toStringTag, iterator protocol on classes.
const log = [];
const money = { valueOf() { log.push('valueOf'); return 42; }, toString() { log.push('toString'); return '$42'; } };
console.log(money + 1, `${money}`, String(money), money * 2, money > 40, log.join());
const prim = { [Symbol.toPrimitive](hint) { return hint === 'number' ? 7 : hint === 'string' ? 'seven' : 'default'; } };
console.log(+prim, `${prim}`, prim + '', prim * 1, String(prim), [prim] + '');
const noPrim = { valueOf() { return {}; }, toString() { return {}; } }; try { noPrim + 1; } catch (e) { console.log(e.constructor.name); }
class Range { constructor(a, b) { this.a = a; this.b = b; } *[Symbol.iterator]() { for (let i = this.a; i < this.b; i++) yield i; } }
console.log([...new Range(1, 4)].join(), Array.from(new Range(0, 3), (x) => x * x).join(), Math.max(...new Range(5, 9)));
const s1 = Symbol('desc'), s2 = Symbol('desc'); console.log(s1 === s2, s1.description, s1.toString(), typeof s1, Symbol().description);
console.log(Symbol.for('app') === Symbol.for('app'), Symbol.keyFor(Symbol.for('app')), Symbol.keyFor(s1));
try { s1 + ''; } catch (e) { console.log(e.constructor.name); } console.log(String(s1), `${s1.description}`);
const withSym = { [s1]: 'hidden', visible: 1 }; console.log(Object.keys(withSym).join(), JSON.stringify(withSym), withSym[s1], Object.getOwnPropertySymbols(withSym).length);
console.log(typeof Symbol.iterator, typeof Symbol.asyncIterator, Symbol.iterator.description, [][Symbol.iterator] === [].values);
const d = new Date(0); console.log(typeof (d + 1), typeof (d - 1), d - 1);
console.log([1, 2] + [3], {} + 'x', [] + [], [null] + '', [undefined, 1] + '', 1 + [2], true + 1, '5' - - '2');
const counted = { i: 0, valueOf() { return ++this.i; } }; console.log(counted == 1, counted == 2, counted < 10, counted.i);
// expect-output: 43 $42 $42 84 true valueOf,toString,toString,valueOf,valueOf
// expect-output: 7 seven default 7 seven seven
// expect-output: TypeError
// expect-output: 1,2,3 0,1,4 8
// expect-output: false desc Symbol(desc) symbol undefined
// expect-output: true app undefined
// expect-output: TypeError
// expect-output: Symbol(desc) desc
// expect-output: visible {"visible":1} hidden 1
// expect-output: symbol symbol Symbol.iterator true
// expect-output: string number -1
// expect-output: 1,23 [object Object]x   ,1 12 2 7
// expect-output: true true true 3
