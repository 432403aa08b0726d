const out = [];
const later = (v) => new Promise(res => Promise.resolve().then(() => res(v)));
Promise.all([1, later(2), Promise.resolve(3)]).then(v => out.push('all ' + v.join()));
Promise.all([]).then(v => out.push('all empty ' + v.length));
Promise.all([1, Promise.reject(new Error('e1')), later(3)]).catch(e => out.push('all rejected ' + e.message));
Promise.allSettled([Promise.reject('r'), 5]).then(rs => out.push('settled ' + rs.map(r => r.status + ':' + (r.value ?? r.reason)).join()));
Promise.any([Promise.reject('a'), later('b'), 'c']).then(v => out.push('any ' + v));
Promise.any([Promise.reject('x'), Promise.reject('y')]).catch(e => out.push('any failed ' + e.constructor.name + ' ' + e.errors.join()));
Promise.race([later('slow'), 'fast']).then(v => out.push('race ' + v));
Promise.resolve('v').finally(() => out.push('finally ran')).then(v => out.push('after finally ' + v));
Promise.reject(new Error('f')).finally(() => {}).catch(e => out.push('finally kept rejection ' + e.message));
const tick = (n, f) => n ? Promise.resolve().then(() => tick(n - 1, f)) : f();
tick(8, () => console.log(out.sort().join('\n')));
// expect-output: after finally v
// expect-output: all 1,2,3
// expect-output: all empty 0
// expect-output: all rejected e1
// expect-output: any c
// expect-output: any failed AggregateError x,y
// expect-output: finally kept rejection f
// expect-output: finally ran
// expect-output: race fast
// expect-output: settled rejected:r,fulfilled:5
