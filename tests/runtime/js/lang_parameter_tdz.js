// Parameters with defaults or patterns are in their TDZ until bound, in order.
function f(a = b, b = 1) { return [a, b]; }
try { f(); } catch (e) { console.log(e.constructor.name, e.message); }
console.log(f(5).join(), f(5, 2).join());
function g(a, b = a + 1, { c } = { c: b * 2 }, ...rest) { return [a, b, c, rest.length]; }
console.log(g(1).join(), g(1, 5, { c: 0 }, 9, 9).join());
function h(x = () => y, y = 3) { return x(); } console.log(h());
function k(a = a) { return a; } try { k(); } catch (e) { console.log(e.constructor.name); } console.log(k(4));
const arrow = (p = q, q) => p; try { arrow(); } catch (e) { console.log('arrow', e.constructor.name); }
function m(a, b = arguments.length) { return b; } console.log(m(1), m(1, 2, 3));
// expect-output: ReferenceError Cannot access 'b' before initialization
// expect-output: 5,1 5,2
// expect-output: 1,2,4,0 1,5,0,2
// expect-output: 3
// expect-output: ReferenceError
// expect-output: 4
// expect-output: arrow ReferenceError
// expect-output: 1 2
