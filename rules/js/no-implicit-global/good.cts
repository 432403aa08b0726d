// Fixture: no-implicit-global near-misses in a TypeScript CommonJS module (.cts):
// the TypeScript-only import and export forms that declare values.
// Env: default (node + browser).
import fs = require('fs');
import type { Stats } from 'fs';
import * as pathNs from 'path';

export function importEqualsCase(): void {
  // Assigning to an import is a TypeScript error, but not an undeclared name.
  // ok: no-implicit-global
  fs = undefined as never;
}

let lastStats: Stats | undefined;
export function typeUsedAsTypeCase(file: string): Stats {
  // ok: no-implicit-global
  lastStats = fs.statSync(pathNs.resolve(file));
  return lastStats;
}

export namespace Settings {
  export let verbose = false;
}
export function namespaceMemberCase(): void {
  // ok: no-implicit-global
  Settings.verbose = true;
}

export abstract class Job {
  abstract run(): void;
  declare id: string;
  static count = 0;
  protected constructor() {
    // ok: no-implicit-global
    Job.count += 1;
  }
}
