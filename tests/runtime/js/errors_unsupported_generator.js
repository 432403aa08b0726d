async function* agen() { yield 1; }
console.log('defined ok');
agen();
// expect-error: unsupported: async generator function at errors_unsupported_generator.js:1
// expect-output: defined ok
