// Object and closure churn: short-lived closures capturing fresh objects.
function make(i) { var o = { i: i, tag: 'x' }; return function () { return o.i; }; }
var sum = 0;
for (var i = 0; i < 1000000; i++) sum += make(i)();
console.log(sum);
