// oracle: rule=no-unremoved-listener site=12:5 entry=Panel#mount then Panel#unmount expect=no-leak
// The same panel binding its handler once: unmount removes what mount added.
class Panel {
  constructor(el) {
    this.el = el;
    this.onResize = this.layout.bind(this);
  }
  mount() {
    window.addEventListener('resize', this.onResize);
  }
  unmount() {
    window.removeEventListener('resize', this.onResize);
  }
  layout() { this.el.width = window.innerWidth; }
}
module.exports = { Panel };
