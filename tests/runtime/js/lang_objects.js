const k = 'dyn';
const o = { a: 1, 'b-c': 2, [k + '1']: 3, m() { return this.a; }, get g() { return 42; }, set s(v) { this._s = v; } };
o.s = 9;
console.log(o.a, o['b-c'], o.dyn1, o.m(), o.g, o._s);
console.log(Object.keys(o).join());
const proto = { hello() { return 'hi ' + this.name; } };
const child = Object.create(proto); child.name = 'bob';
console.log(child.hello(), Object.getPrototypeOf(child) === proto, proto.isPrototypeOf(child));
const sp = { ...o, a: 100 }; console.log(sp.a, sp.g);
console.log({ __proto__: proto, name: 'z' }.hello());
const x = 1, y = 2; console.log({ x, y });
console.log(o.hasOwnProperty('a'), o.hasOwnProperty('zz'), 'm' in o);
// expect-output: 1 2 3 1 42 9
// expect-output: a,b-c,dyn1,m,g,s,_s
// expect-output: hi bob true true
// expect-output: 100 42
// expect-output: hi z
// expect-output: { x: 1, y: 2 }
// expect-output: true false true
