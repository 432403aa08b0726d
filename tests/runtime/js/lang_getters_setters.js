const o = { _v: 1, get v() { return this._v * 10; }, set v(x) { this._v = x; } };
o.v = 5; console.log(o.v);
class T { #x = 0; get x() { return this.#x; } set x(v) { this.#x = v * 2; } }
const t = new T(); t.x = 4; console.log(t.x);
const d = {}; Object.defineProperty(d, 'ro', { value: 1, writable: false, enumerable: false });
d.ro = 2; console.log(d.ro, Object.keys(d).length);
Object.defineProperty(d, 'comp', { get() { return 'computed'; }, enumerable: true });
console.log(d.comp, JSON.stringify(d));
// expect-output: 50
// expect-output: 8
// expect-output: 1 0
// expect-output: computed {"comp":"computed"}
