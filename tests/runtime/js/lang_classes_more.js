class Shape { static registry = []; constructor() { Shape.registry.push(this.constructor.name); } area() { return 0; } toString() { return `${this.constructor.name}(${this.area()})`; } }
class Rect extends Shape { constructor(w, h) { super(); this.w = w; this.h = h; } area() { return this.w * this.h; } }
class Square extends Rect { constructor(s) { super(s, s); } }
const shapes = [new Rect(2, 3), new Square(4), new Shape()];
console.log(shapes.map(String).join(' '), Shape.registry.join());
console.log(Square.name, Object.getPrototypeOf(Square) === Rect, typeof Square.prototype.area, Square.prototype instanceof Shape);
class Chain { constructor() { this.v = 0; } add(n) { this.v += n; return this; } }
console.log(new Chain().add(1).add(2).add(3).v);
class Lazy { get value() { Object.defineProperty(this, 'value', { value: 'computed once' }); return 'first'; } }
const lz = new Lazy(); console.log(lz.value, lz.value);
const Mixin = Base => class extends Base { mixed() { return 'mixed ' + this.kind; } };
class Thing { constructor() { this.kind = 'thing'; } }
console.log(new (Mixin(Thing))().mixed());
class Static { static #n = 1; static inc() { return ++Static.#n; } } console.log(Static.inc(), Static.inc());
// expect-output: Rect(6) Square(16) Shape(0) Rect,Square,Shape
// expect-output: Square true function true
// expect-output: 6
// expect-output: first computed once
// expect-output: mixed thing
// expect-output: 2 3
