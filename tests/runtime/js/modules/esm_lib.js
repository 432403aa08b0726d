// An ES module used by the corpus (not a test itself).
export const PI2 = 6.28;
export function twice(x) { return 2 * x; }
export default class Greeter { hi(n) { return 'hi ' + n; } }
const hidden = 1;
export { hidden as visible };
