const order = [];
const p = new Promise(res => { order.push('executor'); res('value'); });
p.then(v => order.push('then:' + v));
order.push('after');
Promise.resolve().then(() => order.push('micro1')).then(() => order.push('micro3'));
Promise.resolve().then(() => order.push('micro2'));
new Promise((_, rej) => rej('err')).then(() => order.push('no'), e => order.push('rejected:' + e));
const thenable = { then(r) { r('from thenable'); } };
Promise.resolve(thenable).then(v => order.push(v));
new Promise(() => { throw new Error('thrown in executor'); }).catch(e => order.push(e.message));
Promise.resolve().then(() => Promise.resolve().then(() => Promise.resolve().then(() => console.log(order.join(' | ')))));
// expect-output: executor | after | then:value | micro1 | micro2 | rejected:err | thrown in executor | micro3 | from thenable
