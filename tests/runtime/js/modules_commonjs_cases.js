const lib = require('./modules/cases_lib');
const again = require('./modules/cases_lib.js');
console.log(lib === again, lib.counter(), lib.counter(), again.counter(), typeof lib.Shape);
const sq = new lib.Shape(3); console.log(sq.area(), sq instanceof lib.Shape, lib.VERSION);
const { counter, VERSION = 'none', missing = 'default' } = require('./modules/cases_lib'); console.log(counter(), VERSION, missing);
console.log(typeof module, typeof exports, module.exports === exports, typeof require);
module.exports = { replaced: true }; console.log(module.exports.replaced, exports.replaced);
try { require('./modules/does_not_exist'); } catch (e) { console.log(e.message.split('\n')[0]); }
// expect-output: true 1 2 3 function
// expect-output: 9 true 1.2.3
// expect-output: 4 1.2.3 default
// expect-output: object object true function
// expect-output: true undefined
// expect-output: Cannot find module './modules/does_not_exist'
