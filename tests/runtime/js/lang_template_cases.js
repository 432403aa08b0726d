const a = 5, b = 'str', o = { x: 1 }, arr = [1, 2];
console.log(`${a + 1} ${b.toUpperCase()} ${o} ${arr} ${null} ${undefined} ${true}`);
console.log(`line1
line2`.split('\n').length, `tab\there`, `esc \` backtick`, `dollar $ {x} \${a}`);
console.log(`nested ${`inner ${a * 2}`} done`, `${[1, 2].map((n) => `<${n}>`).join('')}`);
const withToString = { toString() { return 'TS'; }, valueOf() { return 42; } }; console.log(`${withToString}`, withToString + '', `${withToString * 1}`);
console.log(`${Symbol('s').toString()}`, `${{}}`, `${[]}|`, `${-0}`, `${1e21}`, `${[null, undefined]}`);
try { `${Symbol('x')}`; } catch (e) { console.log(e.constructor.name); }
console.log(`unicode \u00e9 \u{1F600}`.length, `\x41\x42`);
const fn = (x) => `v=${x}`; console.log([1, 2].map(fn).join(' '));
const multi = `a${1}b${2}c${3}d`; console.log(multi, multi.length);
console.log(`${a}${b}`, `${'$'}{a}`, `\n`.length, `\\n`.length);
const cond = (n) => `${n} item${n === 1 ? '' : 's'}`; console.log(cond(1), cond(3));
// expect-output: 6 STR [object Object] 1,2 null undefined true
// expect-output: 2 tab	here esc ` backtick dollar $ {x} ${a}
// expect-output: nested inner 10 done <1><2>
// expect-output: TS 42 42
// expect-output: Symbol(s) [object Object] | 0 1e+21 ,
// expect-output: TypeError
// expect-output: 12 AB
// expect-output: v=1 v=2
// expect-output: a1b2c3d 7
// expect-output: 5str ${a} 1 2
// expect-output: 1 item 3 items
