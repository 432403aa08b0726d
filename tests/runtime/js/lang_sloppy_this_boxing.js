// Sloppy functions box a primitive this (strict ones keep it).
String.prototype.kind = function () { return typeof this; };
String.prototype.strictKind = function () { 'use strict'; return typeof this; };
Number.prototype.self = function () { return this; };
console.log('a'.kind(), 'a'.strictKind(), typeof (5).self(), (5).self() + 1, (5).self() instanceof Number);
function f() { return this; } console.log(typeof f.call(true), typeof f.call(undefined), f.call(7).valueOf());
const sym = Symbol('s'); console.log(typeof f.call(sym));
// expect-output: object string object 6 true
// expect-output: object object 7
// expect-output: object
