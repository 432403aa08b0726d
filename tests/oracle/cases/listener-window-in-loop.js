// oracle: rule=no-unremoved-listener site=6:5 entry=layoutAll expect=leaks
// Each layout pass adds a resize listener per widget to window and never removes them.
function layoutAll(widgets) {
  let n = 0;
  for (const widget of widgets) {
    window.addEventListener('resize', () => widget.fit());
    n++;
  }
  return n;
}

module.exports = { layoutAll };
