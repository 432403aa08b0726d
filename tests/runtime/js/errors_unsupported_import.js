// Unsupported syntax is a clean result naming what and where, reached only
// when it runs: dynamic import() here.
function later() { return import('./modules/esm_lib'); }
console.log('defined ok');
later();
// expect-error: unsupported: dynamic import() at errors_unsupported_import.js:3
// expect-output: defined ok
