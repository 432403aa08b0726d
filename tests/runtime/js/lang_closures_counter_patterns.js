function memo(fn) { const cache = {}; return n => (n in cache ? cache[n] : (cache[n] = fn(n))); }
let calls = 0; const sq = memo(n => { calls++; return n * n; });
console.log(sq(4), sq(4), sq(5), calls);
function once(fn) { let done = false, r; return (...a) => done ? r : (done = true, r = fn(...a)); }
const init = once(x => x * 10); console.log(init(1), init(2));
const compose = (...fs) => x => fs.reduceRight((v, f) => f(v), x);
console.log(compose(x => x + 1, x => x * 2)(5));
function makeStack() { const items = []; return { push: x => items.push(x), pop: () => items.pop(), size: () => items.length }; }
const st = makeStack(); st.push(1); st.push(2); st.pop(); console.log(st.size());
const curry = f => a => b => c => f(a, b, c); console.log(curry((a, b, c) => a + b + c)(1)(2)(3));
// expect-output: 16 16 25 2
// expect-output: 10 10
// expect-output: 11
// expect-output: 1
// expect-output: 6
