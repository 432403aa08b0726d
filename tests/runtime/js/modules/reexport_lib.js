// Re-exports of esm_lib (modules_esm_reexport.js): star, named with
// aliases (default included), and a namespace.
export * from './esm_lib';
export { PI2 as tau, default as Greeter2 } from './esm_lib';
export * as lib from './esm_lib';
export const own = 'own';
