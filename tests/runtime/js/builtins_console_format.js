console.log({ nested: { deep: { deeper: { deepest: 1 } } } });
console.log([1, 'two', [3, [4, [5, [6]]]]], [], {}, [undefined, null]);
console.log('%s is %d years', 'Bob', 42, 'extra');
console.log(function foo() {}, class Bar {}, () => {}, Symbol('s'), -0, [ -0 ]);
console.log(new Map([['k', { v: 1 }]]), new Set(['a']), [1, , 3]);
console.log({ 'needs-quote': 1, valid_id: 2, 3: 'num' }, "str", ['str']);
console.log(new Error('printed').message, [new Date(0)]);
// expect-output: { nested: { deep: { deeper: [Object] } } }
// expect-output: [ 1, 'two', [ 3, [ 4, [Array] ] ] ] [] {} [ undefined, null ]
// expect-output: Bob is 42 years extra
// expect-output: [Function: foo] [class Bar] [Function (anonymous)] Symbol(s) -0 [ -0 ]
// expect-output: Map(1) { 'k' => { v: 1 } } Set(1) { 'a' } [ 1, <1 empty item>, 3 ]
// expect-output: { '3': 'num', 'needs-quote': 1, valid_id: 2 } str [ 'str' ]
// expect-output: printed [ 1970-01-01T00:00:00.000Z ]
