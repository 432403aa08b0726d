const lib = require('./modules/math_lib');
const again = require('./modules/math_lib');
console.log(lib.square(7), lib.name, lib === again, lib.calls());
exports.local = 1;
console.log(module.exports.local, typeof require);
try { require('./modules/missing'); } catch (e) { console.log(e.message); }
// expect-output: 49 math_lib true 1
// expect-output: 1 function
// expect-output: Cannot find module './modules/missing'
