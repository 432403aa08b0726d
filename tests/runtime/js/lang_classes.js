class Animal {
  static count = 0;
  #secret = 'hidden';
  name;
  constructor(name) { this.name = name; Animal.count++; }
  speak() { return `${this.name} makes a sound`; }
  get secret() { return this.#secret; }
  static create(n) { return new this(n); }
}
class Dog extends Animal {
  constructor(name) { super(name); this.kind = 'dog'; }
  speak() { return super.speak() + ' (woof)'; }
}
const d = new Dog('rex');
console.log(d.speak(), d.secret, d instanceof Dog, d instanceof Animal, Animal.count);
console.log(Dog.create('fido').name, Animal.count, typeof Animal);
class Empty {}
class Sub extends Empty {}
console.log(new Sub() instanceof Empty, Object.getPrototypeOf(Sub) === Empty);
try { Animal(); } catch (e) { console.log(e.constructor.name); }
class Counter { n = 0; inc = () => ++this.n; }
const cc = new Counter(); const inc = cc.inc; inc(); inc(); console.log(cc.n);
const Anon = class { hi() { return 'anon'; } }; console.log(new Anon().hi());
class WithStatic { static { WithStatic.ready = true; } } console.log(WithStatic.ready);
// expect-output: rex makes a sound (woof) hidden true true 1
// expect-output: fido 2 function
// expect-output: true true
// expect-output: TypeError
// expect-output: 2
// expect-output: anon
// expect-output: true
