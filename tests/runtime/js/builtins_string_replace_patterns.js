// String.prototype.replace/replaceAll replacement patterns: $` (before the
// match), $' (after it), $& and $$, $n/$nn, $<name>, and the named-groups
// object passed last to a replace callback.
const s = 'one-two-three';
console.log(s.replace('-', "[$`]"), s.replace('-', "[$']"), s.replace('-', '[$&|$$]'));
console.log(s.replaceAll('-', "<$`|$'>"));
console.log(s.replace(/-/g, "($`)"), s.replace(/t(w)o/, "$'$1$`"));
// With a string pattern there are no captures: $1 and $<x> stay literal.
console.log('abc'.replace('b', '$1$<x>$0'), 'abc'.replace('b', '$'), 'abc'.replace('c', 'x$'));
// $<name> needs named groups; an unknown name or an unmatched group is "".
const d = /(?<y>\d{4})-(?<m>\d{2})(?<rest>-\d\d)?/;
console.log('on 2024-03 ok'.replace(d, '$<m>/$<y>[$<rest>][$<nope>]'));
console.log('on 2024-03 ok'.replace(d, '$<m'), 'x'.replace(/x/, '$<a>'), 'x'.replace(/(x)/, '$<a>$1'));
console.log('2020-01 2021-02'.replaceAll(/(?<y>\d+)-(?<m>\d+)/g, '$<m>.$<y>'));
// $nn: two digits when that group exists, else one digit then a literal.
console.log('abc'.replace(/(a)(b)(c)/, '$3$2$1|$10|$01|$00|$4'));
// The callback gets match, captures, offset, string, then groups (only when
// the regexp has named groups).
'a1b22'.replace(/(?<letter>[a-z])(?<num>\d+)/g, (...args) => {
  const g = args[args.length - 1];
  console.log(args.length, args[0], args[3], Object.keys(g).join(), g.letter, g.num, Object.getPrototypeOf(g));
  return '';
});
'a1'.replace(/([a-z])(\d)/, (...args) => { console.log(args.length, typeof args[args.length - 1]); return ''; });
// An optional named group that did not take part is undefined in groups.
'ab'.replace(/(?<first>a)(?<second>x)?/, (m, p1, p2, off, str, groups) => {
  console.log(m, p1, p2, off, str, groups.first, groups.second, 'second' in groups);
  return m;
});
// Group properties follow the order of the groups in the pattern.
console.log(Object.keys(/(?<z>a)(?<a>b)(?<m>c)/.exec('abc').groups).join());
console.log('héllo wörld'.replace(/ö/, "[$`|$']"), 'ünï'.replaceAll('', '.'));
console.log(/(?<a>x)(?<b>y)?/.exec('x').groups);
// expect-output: one[one]two-three one[two-three]two-three one[-|$]two-three
// expect-output: one<one|two-three>two<one-two|three>three
// expect-output: one(one)two(one-two)three one--threewone--three
// expect-output: a$1$<x>$0c a$c abx$
// expect-output: on 03/2024[][] ok
// expect-output: on $<m ok $<a> $<a>x
// expect-output: 01.2020 02.2021
// expect-output: cba|a0|a|$00|$4
// expect-output: 6 a1 0 letter,num a 1 null
// expect-output: 6 b22 2 letter,num b 22 null
// expect-output: 5 string
// expect-output: a a undefined 0 ab a undefined true
// expect-output: z,a,m
// expect-output: héllo w[héllo w|rld]rld .ü.n.ï.
// expect-output: [Object: null prototype] { a: 'x', b: undefined }
