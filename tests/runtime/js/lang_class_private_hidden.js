// #private names are keys no listing shows, and each class body has its own.
class A {
  #x = 1; y = 2; static #count = 0;
  #m() { return this.#x; }
  get #g() { return 5; }
  static inc() { return ++A.#count; }
  read(o) { return o.#x; }
  has(o) { return #x in o; }
  gm() { return this.#g + this.#m(); }
  arrow() { return [1, 2].map((k) => k + this.#x); }
}
class B { #x = 'b'; peek() { return this.#x; } }
const a = new A(), b = new B();
console.log(a.read(a), a.has(a), a.has(b), b.peek(), a.gm(), A.inc(), A.inc(), a.arrow().join());
console.log(JSON.stringify(a), Object.keys(a), Object.entries(a), Object.getOwnPropertyNames(a));
console.log(Object.getOwnPropertySymbols(a).length, Reflect.ownKeys(a), Object.getOwnPropertyNames(A.prototype));
const keys = []; for (const k in a) keys.push(k); console.log(keys, { ...a }, Object.assign({}, a));
console.log(a, b);
// A subclass's #x is another name: both live on the instance, unseen.
class C extends A { #x = 'c'; cx() { return this.#x; } }
const c = new C(); console.log(c.cx(), c.read(c), Object.keys(c), JSON.stringify(c));
// A string key spelled '#x' is an ordinary property.
const o = { '#x': 'plain' }; console.log(Object.keys(o), o['#x']);
// expect-output: 1 true false b 6 1 2 2,3
// expect-output: {"y":2} [ 'y' ] [ [ 'y', 2 ] ] [ 'y' ]
// expect-output: 0 [ 'y' ] [ 'constructor', 'read', 'has', 'gm', 'arrow' ]
// expect-output: [ 'y' ] { y: 2 } { y: 2 }
// expect-output: A { y: 2 } B {}
// expect-output: c 1 [ 'y' ] {"y":2}
// expect-output: [ '#x' ] plain
