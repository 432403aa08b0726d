// trim/trimStart/trimEnd remove every WhiteSpace and LineTerminator code
// point, not only ASCII ones. Strings are UTF-8 inside the engine, so the
// multi-byte spaces must be recognised as whole sequences.
const ws = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
console.log(JSON.stringify((ws + 'x' + ws).trim()), (ws + 'x' + ws).trim().length);
console.log(JSON.stringify((ws + 'x y' + ws).trimStart()).length, JSON.stringify(('\u3000a\u3000').trimEnd()));
console.log(JSON.stringify(ws.trim()), ws.length, ws.trimStart().length, ws.trimEnd().length);
// Each space on its own, from either end.
console.log([...ws].every((c) => (c + 'a' + c).trim() === 'a'));
// Not white space: U+0085 (NEL), U+180E (no longer Zs), U+200B (zero width
// space), and characters that share leading bytes with real spaces.
for (const c of ['\u0085', '\u180e', '\u200b', '\u2010', '\u3001', '\ufefe', '\u00a1'])
  console.log(c.codePointAt(0).toString(16), (c + 'a' + c).trim().length);
// Non-space multi-byte neighbours survive intact.
console.log(' \u00e9t\u00e9\u2003'.trim(), '\u2003\ud83d\ude00 '.trim().length, '\u00a0\u00a0'.trim() === '');
// ToNumber, parseInt and parseFloat skip the same white space.
console.log(Number('\u00a0 42 \u3000'), Number('\ufeff\u2028'), Number('\u200b1'), +'\u20281e3\u2029');
console.log(parseInt('\u3000\u00a017px'), parseFloat('\ufeff 3.5e2x'), parseFloat('\u180e1'));
// parseFloat takes the longest decimal prefix only.
console.log(parseFloat('inf'), parseFloat('-Infinityx'), parseFloat('0x1p3'), parseFloat('.5.'), parseFloat('1e'), parseFloat('-.e1'), parseFloat('2e+3x'));
// JSON white space is only TAB, LF, CR and SP.
for (const src of [' \t\n\r1', '\v1', '\u00a01']) {
  try { console.log(JSON.parse(src)); } catch (e) { console.log(e.name); }
}
// expect-output: "x" 1
// expect-output: 39 "　a"
// expect-output: "" 25 0 0
// expect-output: true
// expect-output: 85 3
// expect-output: 180e 3
// expect-output: 200b 3
// expect-output: 2010 3
// expect-output: 3001 3
// expect-output: fefe 3
// expect-output: a1 3
// expect-output: été 2 true
// expect-output: 42 0 NaN 1000
// expect-output: 17 350 NaN
// expect-output: NaN -Infinity 0 0.5 1 NaN 2000
// expect-output: 1
// expect-output: SyntaxError
// expect-output: SyntaxError
