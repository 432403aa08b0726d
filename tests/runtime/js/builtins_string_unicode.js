const s = 'naïve café';
console.log(s.length, s.indexOf('café'), s.slice(6), s.split(' ').map(w => w.length).join());
console.log('€'.length, '€'.charCodeAt(0), [...'añb'].join('|'), 'añb'.at(1), 'añb'.charAt(2));
console.log(encodeURIComponentLike('a b'), 'AB'.toLowerCase());
function encodeURIComponentLike(x) { return x.replace(/ /g, '%20'); }
console.log('x'.padEnd(3, 'e').length, 'añb'.includes('ñ'), 'añb'.substring(1, 2));
// expect-output: 10 6 café 5,4
// expect-output: 1 8364 a|ñ|b ñ b
// expect-output: a%20b ab
// expect-output: 3 true ñ
