// Page code called many times, as the confirmation driver does: each
// `leak*` entry leaves one more listener, observer or frame behind per call
// (as it would in a browser); each `clean*` entry leaves nothing.
function layout() {}

// ==== Leaks ====

function leakInlineOnWindow() {
  window.addEventListener('resize', () => layout());
}
function leakInlineOnDocument() {
  document.addEventListener('visibilitychange', () => layout());
}
function leakOnSelf() {
  self.addEventListener('online', () => layout());
}
function leakBareGlobal() {
  addEventListener('message', (e) => layout(e));
}
function leakOnQueriedElement() {
  // the same element every call, as on a page
  document.querySelector('#save').addEventListener('click', () => layout());
}
function leakWrongCapture() {
  const onScroll = () => layout();
  document.addEventListener('scroll', onScroll, true);
  document.removeEventListener('scroll', onScroll); // capture differs: stays
}
class Widget {
  onResize() {}
  mount() { window.addEventListener('resize', this.onResize.bind(this)); }
  unmount() { window.removeEventListener('resize', this.onResize.bind(this)); }
}
function leakBindEachTime() {
  const w = new Widget();
  w.mount();
  w.unmount();
}
function leakMediaQuery() {
  matchMedia('(prefers-color-scheme: dark)').addListener(() => layout());
}
function leakObserver() {
  new ResizeObserver(() => layout()).observe(document.body);
}
function leakFrameLoop() {
  const tick = () => requestAnimationFrame(tick);
  requestAnimationFrame(tick);
}

// ==== Clean ====

function cleanRemoved() {
  const onResize = () => layout();
  window.addEventListener('resize', onResize);
  window.removeEventListener('resize', onResize);
}
function onCaptureClick() {}
function cleanCaptureMatches() {
  document.addEventListener('click', onCaptureClick, true);
  document.removeEventListener('click', onCaptureClick, true);
}
function cleanAborted() {
  const ctrl = new AbortController();
  window.addEventListener('resize', () => layout(), { signal: ctrl.signal });
  document.querySelector('#menu').addEventListener('click', () => layout(), { signal: ctrl.signal });
  ctrl.abort();
}
function cleanTimeoutSignal() {
  window.addEventListener('message', () => layout(), { signal: AbortSignal.timeout(500) });
}
function cleanOnce() {
  window.addEventListener('ping', () => layout(), { once: true });
  window.dispatchEvent(new Event('ping'));
}
function cleanHandlerProperty() {
  window.onresize = () => layout();
}
function cleanLocalElement() {
  const el = document.createElement('div');
  el.addEventListener('click', () => layout());
  return el.outerHTML;
}
function cleanDetachedElement() {
  const el = document.createElement('li');
  el.addEventListener('click', () => layout());
  document.body.appendChild(el);
  el.remove();
}
function cleanObserverDisconnected() {
  const ro = new ResizeObserver(() => layout());
  ro.observe(document.body);
  ro.disconnect();
}
function cleanMediaQueryRemoved() {
  const mq = matchMedia('(min-width: 1px)');
  const f = () => layout();
  mq.addListener(f);
  mq.removeListener(f);
}
function cleanFrameCancelled() {
  cancelAnimationFrame(requestAnimationFrame(() => layout()));
}
function cleanFrameOnce() {
  requestAnimationFrame(() => layout());
}

module.exports = {
  leakInlineOnWindow, leakInlineOnDocument, leakOnSelf, leakBareGlobal, leakOnQueriedElement,
  leakWrongCapture, leakBindEachTime, leakMediaQuery, leakObserver, leakFrameLoop,
  cleanRemoved, cleanCaptureMatches, cleanAborted, cleanTimeoutSignal, cleanOnce,
  cleanHandlerProperty, cleanLocalElement, cleanDetachedElement, cleanObserverDisconnected,
  cleanMediaQueryRemoved, cleanFrameCancelled, cleanFrameOnce,
};
