import Greeter, { PI2, twice as dbl, visible } from './modules/esm_lib';
import * as all from './modules/esm_lib';
console.log(PI2, dbl(21), visible, new Greeter().hi('x'), typeof all.twice);
export const mine = 5;
console.log(module.exports.mine);
// expect-output: 6.28 42 1 hi x function
// expect-output: 5
