const meta = new WeakMap();
function tag(i) {
// survivors: 0 Object from here
  const o = { i };
  meta.set(o, { back: o, n: i });
}
for (let i = 0; i < 100; i++) tag(i);
console.log('tagged');
// expect-output: tagged
