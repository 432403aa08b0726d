class Temp { constructor(c) { this.c = c; } get f() { return this.c * 9 / 5 + 32; } set f(v) { this.c = (v - 32) * 5 / 9; } }
const t = new Temp(100); console.log(t.f); t.f = 32; console.log(t.c);
const base = { get greeting() { return 'hello ' + this.who; } };
const child = Object.create(base); child.who = 'child'; console.log(child.greeting);
const counter = { n: 0, get next() { return ++this.n; } }; counter.next; counter.next; console.log(counter.n);
// expect-output: 212
// expect-output: 0
// expect-output: hello child
// expect-output: 2
