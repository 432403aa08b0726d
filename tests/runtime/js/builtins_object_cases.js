const o = { b: 2, a: 1, 10: 'ten', 2: 'two', [Symbol('s')]: 'sym' };
console.log(Object.keys(o), Object.values(o), Object.entries(o).length);
console.log(Object.getOwnPropertyNames(o).length, Object.getOwnPropertySymbols(o).length);
const t = Object.assign({}, { a: 1 }, null, { b: 2 }); console.log(t);
const fz = Object.freeze({ n: { deep: 1 } }); fz.n.deep = 2; fz.x = 1; console.log(Object.isFrozen(fz), fz.n.deep, fz.x, Object.isFrozen(fz.n));
const pe = Object.preventExtensions({ p: 1 }); pe.q = 1; delete pe.p; console.log(JSON.stringify(pe), Object.isExtensible(pe));
const cr = Object.create({ inherited: true }); cr.own = 1; console.log(cr.inherited, Object.keys(cr), Object.getPrototypeOf(Object.getPrototypeOf(cr)) === Object.prototype);
console.log(Object.fromEntries([['a', 1], ['b', 2]]), Object.fromEntries(new Map([['m', 1]])));
console.log(Object.is(NaN, NaN), Object.is(0, -0), Object.is('a', 'a'), Object.hasOwn({ h: 1 }, 'h'), Object.hasOwn({}, 'toString'));
const d = Object.getOwnPropertyDescriptor({ get g() { return 1; }, v: 2 }, 'v'); console.log(d);
const np = Object.create(null); np.x = 1; console.log(Object.getPrototypeOf(np), 'toString' in np, Object.keys(np));
const sp = Object.setPrototypeOf({}, { hi() { return 'hi'; } }); console.log(sp.hi());
console.log({}.toString(), Object.prototype.toString.call([]), Object.prototype.toString.call(null), Object.prototype.toString.call(1));
console.log({ a: 1 }.hasOwnProperty('a'), Object.prototype.propertyIsEnumerable.call([1], 'length'), Object.prototype.isPrototypeOf.call(Array.prototype, []));
const ent = Object.entries('ab'); console.log(ent, Object.keys([4, 5]));
const vo = { valueOf() { return 10; } }; console.log(vo + 1, vo > 5, `${vo}`);
const tp = { [Symbol.toPrimitive](hint) { return hint === 'number' ? 1 : hint === 'string' ? 'str' : 'default'; } };
console.log(+tp, `${tp}`, tp + '', tp * 3);
// expect-output: [ '2', '10', 'b', 'a' ] [ 'two', 'ten', 2, 1 ] 4
// expect-output: 4 1
// expect-output: { a: 1, b: 2 }
// expect-output: true 2 undefined false
// expect-output: {} false
// expect-output: true [ 'own' ] true
// expect-output: { a: 1, b: 2 } { m: 1 }
// expect-output: true false true true false
// expect-output: { value: 2, writable: true, enumerable: true, configurable: true }
// expect-output: null false [ 'x' ]
// expect-output: hi
// expect-output: [object Object] [object Array] [object Null] [object Number]
// expect-output: true false true
// expect-output: [ [ '0', 'a' ], [ '1', 'b' ] ] [ '0', '1' ]
// expect-output: 11 true [object Object]
// expect-output: 1 str default 3
