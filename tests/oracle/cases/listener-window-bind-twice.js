// oracle: rule=no-unremoved-listener site=8:3 entry=openPanel expect=leaks
// add and remove each call .bind(): two different functions, so the removal removes nothing.
function openPanel(panel) {
  const layout = { panel, width: 0 };
  function onResize() {
    this.width = window.innerWidth;
  }
  window.addEventListener('resize', onResize.bind(layout));
  layout.panel.render();
  window.removeEventListener('resize', onResize.bind(layout));
}

module.exports = { openPanel };
