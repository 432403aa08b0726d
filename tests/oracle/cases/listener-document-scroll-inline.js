// oracle: rule=no-unremoved-listener site=5:3 entry=trackScroll expect=leaks
// A widget tracks the scroll position with an inline listener on document, per render.
function trackScroll(view) {
  const state = { view, y: 0 };
  document.addEventListener('scroll', () => {
    state.y += 1;
    state.view.update(state.y);
  });
  return state;
}

module.exports = { trackScroll };
