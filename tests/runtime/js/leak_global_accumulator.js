var seen = [];
function track(x) {
// survivors: 20 Array from here
  seen.push([x, x * 2]);
}
for (let i = 0; i < 20; i++) track(i);
console.log(seen.length);
// expect-output: 20
