// String building: concatenation in a loop, then join.
var parts = [];
for (var i = 0; i < 100000; i++) parts.push('item' + i);
var s = parts.join(',');
var t = '';
for (var j = 0; j < 20000; j++) t += 'ab';
console.log(s.length, t.length);
