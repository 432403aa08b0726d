const name = 'world', n = 3;
console.log(`hello ${name}!`, `${n} * 2 = ${n * 2}`, `nested ${`inner ${n}`}`);
console.log(`line1
line2`);
console.log(`esc \` \${x} \n`.length, `${[1, 2]}`, `${{}}`, `${null} ${undefined}`);
// expect-output: hello world! 3 * 2 = 6 nested inner 3
// expect-output: line1
// expect-output: line2
// expect-output: 12 1,2 [object Object] null undefined
