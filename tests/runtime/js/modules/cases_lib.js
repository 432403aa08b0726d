let n = 0;
exports.counter = () => ++n;
class Shape { constructor(s) { this.s = s; } area() { return this.s * this.s; } }
exports.Shape = Shape;
exports.VERSION = '1.2.3';
