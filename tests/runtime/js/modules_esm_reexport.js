// export ... from: `*` copies every name but default; named forms rename.
import * as re from './modules/reexport_lib';
import { tau, Greeter2, lib, twice, own } from './modules/reexport_lib';
console.log(Object.keys(re).sort().join(), 'default' in re);
console.log(tau, new Greeter2().hi('y'), twice(4), lib.PI2, typeof lib.default, own);
// expect-output: Greeter2,PI2,lib,own,tau,twice,visible false
// expect-output: 6.28 hi y 8 6.28 function own
