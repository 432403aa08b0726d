// Object.assign with primitive sources, and own keys of strings. A string
// source counts as its String object: its characters become index
// properties; numbers and booleans have no own enumerable keys; null and
// undefined are skipped.
console.log(Object.assign({}, 'abc'), Object.assign({}, null, undefined, 1, true, 'xy', [9]));
console.log(Object.assign({ 0: 'keep', z: 1 }, 'é'), Object.assign([1, 2, 3], 'ab'), Object.assign({}, ''));
console.log(JSON.stringify(Object.assign({}, 'hi', { 1: 'I' })), Object.keys(Object.assign({ b: 1 }, 'a')).join());
// The target itself is boxed when primitive.
const boxed = Object.assign('str', { extra: 1 });
console.log(typeof boxed, boxed.extra, String(boxed), boxed instanceof String);
// Symbol keys are copied too (after the string keys); non-enumerable ones are not.
const s = Symbol('s'), hidden = Symbol('hidden');
const src = { a: 1, [s]: 2 };
Object.defineProperty(src, hidden, { value: 3, enumerable: false });
const copy = Object.assign({}, src);
console.log(copy[s], copy[hidden], Object.getOwnPropertySymbols(copy).length, Reflect.ownKeys(copy).length);
// Getters on the source run, setters on the target run.
const log = [];
Object.assign({ set x(v) { log.push('set ' + v); } }, { get x() { log.push('get'); return 5; } });
console.log(log.join());
// getOwnPropertyNames of a string or String object: the indices, then length.
console.log(Object.getOwnPropertyNames('ab'), Object.getOwnPropertyNames(new String('ab')), Object.getOwnPropertyNames(''));
const so = new String('xy'); so.extra = 1; so[5] = 'five';
console.log(Object.getOwnPropertyNames(so), Object.keys(so));
console.log(Object.keys('ab'), Object.values('ab'), Object.entries('hé'), Object.getOwnPropertySymbols('ab'));
console.log(Object.getOwnPropertyNames([1, 2]), Object.getOwnPropertyNames({ b: 1, 1: 0, a: 2 }));
// expect-output: { '0': 'a', '1': 'b', '2': 'c' } { '0': 9, '1': 'y' }
// expect-output: { '0': 'é', z: 1 } [ 'a', 'b', 3 ] {}
// expect-output: {"0":"h","1":"I"} 0,b
// expect-output: object 1 str true
// expect-output: 2 undefined 1 2
// expect-output: get,set 5
// expect-output: [ '0', '1', 'length' ] [ '0', '1', 'length' ] [ 'length' ]
// expect-output: [ '0', '1', '5', 'length', 'extra' ] [ '0', '1', '5', 'extra' ]
// expect-output: [ '0', '1' ] [ 'a', 'b' ] [ [ '0', 'h' ], [ '1', 'é' ] ] []
// expect-output: [ '0', '1', 'length' ] [ '1', 'b', 'a' ]
