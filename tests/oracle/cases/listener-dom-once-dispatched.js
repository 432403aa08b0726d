// oracle: rule=no-unremoved-listener site=4:3 entry=awaitTheme expect=no-leak
// A { once: true } listener on window, and the event it waits for is dispatched in the same call.
function awaitTheme(view) {
  window.addEventListener('themechange', () => view.repaint(), { once: true });
  window.dispatchEvent(new Event('themechange'));
}

module.exports = { awaitTheme };
