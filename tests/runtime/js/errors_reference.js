let x = 1;
console.log(x + notDefinedAnywhere);
// expect-error: ReferenceError: notDefinedAnywhere is not defined
