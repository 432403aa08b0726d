// Keyboard shortcuts and scroll tracking.

export function enableShortcuts(actions) {
  // Done right: every listener added with this signal goes on abort().
  const ctrl = new AbortController();
  document.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowRight') actions.next();
  }, { signal: ctrl.signal });
  return () => ctrl.abort();
}

export function trackScroll(onChange) {
  // LEAK: an inline listener on `document`: no one can ever remove it.
  document.addEventListener('scroll', () => onChange(window.scrollY));
}

export function readFileText(file) {
  // Done right: the reader is created here and never escapes.
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.addEventListener('load', () => resolve(reader.result));
    reader.addEventListener('error', () => reject(reader.error));
    reader.readAsText(file);
  });
}
