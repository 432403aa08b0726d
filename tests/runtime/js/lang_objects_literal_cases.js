const k = 'dyn', n = 5;
const o = { n, [k]: 1, [`${k}2`]: 2, ['a' + 'b']() { return 'ab'; }, 'quoted key': 3, 42: 'num', async am() {}, *gm() {} };
console.log(o.n, o.dyn, o.dyn2, o.ab(), o['quoted key'], o[42], o['42'], typeof o.am, typeof o.gm);
const proto = { greet() { return 'hi from proto'; } }; const child = { __proto__: proto, greet() { return super.greet() + ' via child'; } }; console.log(child.greet());
const dup = { a: 1, a: 2 }; console.log(dup.a, Object.keys(dup).length);
const order = { z: 1, 1: 'one', a: 2, 0: 'zero', [Symbol('s')]: 3 }; console.log(Object.keys(order).join(), JSON.stringify(order));
const methods = { m() { return this; }, arrow: () => typeof this }; console.log(methods.m() === methods, methods.arrow());
const nested = { a: { b: { c: [1, { d: 'deep' }] } } }; console.log(nested.a.b.c[1].d, nested?.a?.['b'].c.length);
const counter = { count: 0, inc() { this.count++; return this; } }; console.log(counter.inc().inc().count);
const detached = counter.inc; try { detached(); } catch (e) { console.log(e.constructor.name); }
const bound = counter.inc.bind(counter); bound(); console.log(counter.count);
console.log(Object.keys({ ...[1, 2] }), { toString() { return 'custom'; } } + '', ({}).constructor === Object);
const shorthand = { n, k }; console.log(shorthand);
const getset = { _v: 1, get v() { return this._v; }, set v(x) { this._v = x; } }; getset.v = 9; console.log(getset.v, Object.keys(getset));
console.log({ a: 1, b: { c: [1, 2, { d: null }] }, e: 'str', f: undefined, g: () => 1 });
// expect-output: 5 1 2 ab 3 num num function function
// expect-output: hi from proto via child
// expect-output: 2 1
// expect-output: 0,1,z,a {"0":"zero","1":"one","z":1,"a":2}
// expect-output: true object
// expect-output: deep 2
// expect-output: 2
// expect-output: 3
// expect-output: [ '0', '1' ] custom true
// expect-output: { n: 5, k: 'dyn' }
// expect-output: 9 [ '_v', 'v' ]
// expect-output: {
// expect-output:   a: 1,
// expect-output:   b: { c: [ 1, 2, [Object] ] },
// expect-output:   e: 'str',
// expect-output:   f: undefined,
// expect-output:   g: [Function: g]
// expect-output: }
