// oracle: rule=no-unremoved-listener site=10:3 entry=enableResponsive expect=no-leak
// The same module-level function added to window on every call: EventTarget keeps it only once.
const layout = { width: 0 };

function onResize() {
  layout.width = window.innerWidth;
}

function enableResponsive(view) {
  window.addEventListener('resize', onResize);
  view.render(layout);
}

module.exports = { enableResponsive };
