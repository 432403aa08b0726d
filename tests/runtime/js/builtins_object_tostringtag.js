// Object.prototype.toString reads Symbol.toStringTag (own or inherited)
// when it is a string, else names the object's built-in kind.
const ts = (v) => Object.prototype.toString.call(v);
console.log(ts(undefined), ts(null), ts(1), ts('s'), ts(true), ts(Symbol('x')));
console.log(ts(new Number(1)), ts(new String('s')), ts(Object(false)), ts([]), ts(function () {}), ts(() => {}));
console.log(ts(new Date(0)), ts(/x/), ts(new Error('e')), ts(new TypeError('t')), ts((function () { return arguments; })()));
// Built-in objects with a tag of their own.
console.log(ts(Math), ts(JSON), ts(Reflect), ts(Symbol.prototype), ts(new Map()), ts(new Set()));
console.log(ts(new WeakMap()), ts(new WeakSet()), ts(Promise.resolve()), ts(new WeakRef({})));
console.log(Math[Symbol.toStringTag], JSON[Symbol.toStringTag], Object.getOwnPropertyDescriptor(Math, Symbol.toStringTag));
// User-defined tags: on the object, on a class prototype, through a getter.
class Temperature { get [Symbol.toStringTag]() { return 'Temperature'; } }
console.log(ts({ [Symbol.toStringTag]: 'Custom' }), ts(new Temperature()), String(new Temperature()), `${{ [Symbol.toStringTag]: 'T' }}`);
console.log(ts(Object.create({ [Symbol.toStringTag]: 'Inherited' })), ts(Object.create(Map.prototype)));
// A tag overrides the built-in kind; a non-string tag is ignored.
const arr = []; arr[Symbol.toStringTag] = 'NotArray';
const fn = function () {}; fn[Symbol.toStringTag] = 'Fn';
console.log(ts(arr), ts(fn), ts({ [Symbol.toStringTag]: 42 }), ts({ [Symbol.toStringTag]: null }), ts({ [Symbol.toStringTag]: '' }));
// Proxies of arrays are still arrays; a throwing getter propagates.
console.log(ts(new Proxy([], {})), ts(new Proxy({}, {})), ts(new Proxy(function () {}, {})));
try { ts({ get [Symbol.toStringTag]() { throw new Error('tag getter'); } }); } catch (e) { console.log(e.message); }
// Object.prototype.toString is what plain objects inherit.
console.log(String({}), {}.toString(), Object.prototype.toString === {}.toString, ts(Object.create(null)));
console.log(Object.prototype.toString.call((function*(){})()), Object.prototype.toString.call((async function*(){})()));
// expect-output: [object Undefined] [object Null] [object Number] [object String] [object Boolean] [object Symbol]
// expect-output: [object Number] [object String] [object Boolean] [object Array] [object Function] [object Function]
// expect-output: [object Date] [object RegExp] [object Error] [object Error] [object Arguments]
// expect-output: [object Math] [object JSON] [object Reflect] [object Symbol] [object Map] [object Set]
// expect-output: [object WeakMap] [object WeakSet] [object Promise] [object WeakRef]
// expect-output: Math JSON {
// expect-output:   value: 'Math',
// expect-output:   writable: false,
// expect-output:   enumerable: false,
// expect-output:   configurable: true
// expect-output: }
// expect-output: [object Custom] [object Temperature] [object Temperature] [object T]
// expect-output: [object Inherited] [object Map]
// expect-output: [object NotArray] [object Fn] [object Object] [object Object] [object ]
// expect-output: [object Array] [object Object] [object Function]
// expect-output: tag getter
// expect-output: [object Object] [object Object] true [object Object]
// expect-output: [object Generator] [object AsyncGenerator]
