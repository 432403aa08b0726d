const log = [];
Promise.resolve(1).then(v => { log.push('then ' + v); return v + 1; }).then(v => log.push('then2 ' + v));
new Promise((res, rej) => rej(new Error('no'))).catch(e => log.push('caught ' + e.message));
log.push('sync');
new Promise(res => res(Promise.resolve('inner'))).then(v => log.push(v));
Promise.reject(5).then(null, r => log.push('rej ' + r));
setTimeoutish();
function setTimeoutish() { Promise.resolve().then(() => Promise.resolve().then(() => console.log(log.join('|')))); }
// expect-output: sync|then 1|caught no|rej 5|then2 2
