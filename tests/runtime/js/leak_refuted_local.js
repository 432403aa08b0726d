function work(i) {
// survivors: 0 Object from here
  const tmp = { i, data: [i, i + 1] };
  return tmp.data[1];
}
let s = 0;
for (let i = 0; i < 1000; i++) s += work(i);
console.log(s);
// survivors: 0 Closure from here
[1, 2, 3].map(x => x + 1);
// expect-output: 500500
