// Fixture: no-implicit-global in a TypeScript ES module (.mts, strict).
// A type-only import declares no value: it is erased before the code runs,
// so assigning to it assigns to an undeclared name, which throws.
// Env: default (node + browser).
import type { RemoteShape } from './shapes.js';
import { type RemoteColor, remoteValue } from './shapes.js';

export function typeOnlyImportCase(): void {
  // expect: no-implicit-global error "'RemoteShape' throws a ReferenceError"
  RemoteShape = remoteValue;
}

export function inlineTypeSpecifierCase(): void {
  // expect: no-implicit-global error "'RemoteColor' throws a ReferenceError"
  RemoteColor = remoteValue;
}

export function moduleTsCase(n: number): void {
  // expect: no-implicit-global error "'mtsLeak' throws a ReferenceError"
  mtsLeak = n as number;
}
