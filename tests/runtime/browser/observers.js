// Observers on the virtual clock, checked by hand against Chrome: mutation
// records come in a microtask, resize/intersection entries at the next frame.
const log = (...a) => console.log(...a);
const root = document.createElement('section');
document.body.appendChild(root);
const mo = new MutationObserver((records, obs) => {
  log('mutations', records.length, records.map((r) => r.type + ':' + (r.attributeName || r.addedNodes.length + '/' + r.removedNodes.length)).join(' '), obs === mo);
});
mo.observe(root, { childList: true, attributes: true, attributeOldValue: true, subtree: true });
const child = document.createElement('p');
root.appendChild(child);
child.setAttribute('title', 'x');
root.removeChild(child);
log('sync first');
Promise.resolve().then(() => {
  log('taken', mo.takeRecords().length);
  root.setAttribute('data-v', '1');
  const pending = mo.takeRecords();
  log('takeRecords', pending.length, pending[0].type, pending[0].attributeName, pending[0].oldValue);
  mo.disconnect();
  root.appendChild(document.createElement('i'));
});
const ro = new ResizeObserver((entries) => log('resize', entries.length, entries[0].target === root, entries[0].contentRect.width, performance.now()));
ro.observe(root);
ro.observe(root);
const io = new IntersectionObserver((entries, obs) => {
  for (const e of entries) { log('intersect', e.isIntersecting, performance.now()); obs.unobserve(e.target); }
}, { threshold: [0, 1] });
io.observe(child);
log(io.thresholds.join(','), io.rootMargin);
const gone = new ResizeObserver(() => log('never'));
gone.observe(root);
gone.disconnect();
try { new ResizeObserver(); } catch (e) { log(e instanceof TypeError); }
try { ro.observe({}); } catch (e) { log(e instanceof TypeError); }
try { mo.observe(root, {}); } catch (e) { log(e instanceof TypeError); }
// elements querySelector makes up were "always there": no records
const quietObs = new MutationObserver((r) => log('spurious', r.length));
quietObs.observe(document.body, { childList: true, subtree: true, attributes: true });
document.querySelector('#conjured.a.b[data-x=1]');
document.getElementById('conjured.too');
log(document.getElementById('conjured.too').id, document.querySelector('#conjured').className);
Promise.resolve().then(() => quietObs.disconnect());
// expect-output: sync first
// expect-output: 0,1 0px 0px 0px 0px
// expect-output: true
// expect-output: true
// expect-output: true
// expect-output: conjured.too a b
// expect-output: mutations 3 childList:1/0 attributes:title childList:0/1 true
// expect-output: taken 0
// expect-output: takeRecords 1 attributes data-v null
// expect-output: resize 1 true 0 16
// expect-output: intersect false 16
