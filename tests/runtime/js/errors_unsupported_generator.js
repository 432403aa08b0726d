function* gen() { yield 1; }
console.log('defined ok');
gen();
// expect-error: unsupported: generator function at errors_unsupported_generator.js:1
// expect-output: defined ok
