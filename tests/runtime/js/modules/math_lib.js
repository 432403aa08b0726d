// A CommonJS module used by the corpus (not a test itself).
let calls = 0;
function square(x) { calls++; return x * x; }
module.exports = { square, calls: () => calls, name: 'math_lib' };
