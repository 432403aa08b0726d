console.log('before');
function deep() { throw new TypeError('deep failure'); }
deep();
console.log('never');
// expect-error: TypeError: deep failure
// expect-output: before
