// Generator objects inherit from their function's prototype (itself from
// %GeneratorPrototype%): instanceof, added methods, methods, async ones.
function* gen() { yield 1; }
const g = gen();
console.log(g instanceof gen, Object.getPrototypeOf(g) === gen.prototype, Object.getPrototypeOf(gen.prototype) === Object.getPrototypeOf(function* () {}.prototype));
console.log(typeof gen.prototype.next, gen.prototype.hasOwnProperty('constructor'), String(g), [...gen()]);
gen.prototype.extra = function () { return 'extra'; };
console.log(gen().extra());
class K { *items() { yield 'k'; } }
const it = new K().items(); console.log(it instanceof K.prototype.items, [...it]);
async function* ag() { yield 1; }
console.log(ag() instanceof ag, String(ag()));
function* plain() {} plain.prototype = null; console.log(Object.getPrototypeOf(plain()) === Object.getPrototypeOf(gen.prototype));
// expect-output: true true true
// expect-output: function false [object Generator] [ 1 ]
// expect-output: extra
// expect-output: true [ 'k' ]
// expect-output: true [object AsyncGenerator]
// expect-output: true
