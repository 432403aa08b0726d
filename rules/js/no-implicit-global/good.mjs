// Fixture: no-implicit-global near-misses in an ES module (.mjs, strict).
// Env: default (node + browser).
import defaultThing, { namedThing } from './elsewhere.js';
import * as namespaceThing from './elsewhere.js';

// Assigning to an import binding throws a TypeError at run time, but it is
// not an undeclared name: another rule's business, not this one's.
function importBindingCase() {
  // ok: no-implicit-global
  namedThing = null;
  // ok: no-implicit-global
  defaultThing = namespaceThing;
}

let state = 0;
export function moduleStateCase(n) {
  // ok: no-implicit-global
  state += n;
  return state;
}

export function exportedHoistCase() {
  // ok: no-implicit-global
  laterVar = 1;
}
var laterVar;

export class Exported {
  // ok: no-implicit-global
  field = 1;
  method() {
    // ok: no-implicit-global
    globalThis.published = this.field;
  }
}

export default function () {
  importBindingCase();
}
