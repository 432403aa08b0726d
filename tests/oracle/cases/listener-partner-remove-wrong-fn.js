// oracle: rule=no-unremoved-listener site=10:5 entry=Panel#mount then Panel#unmount expect=leaks
// A panel adds a resize listener on mount and "removes" it on unmount with a
// second .bind(): a different function, so every mount/unmount pair leaves one.
class Panel {
  constructor(el) { this.el = el; }
  mount() {
    window.addEventListener('resize', this.layout.bind(this));
  }
  unmount() {
    window.removeEventListener('resize', this.layout.bind(this));
  }
  layout() { this.el.width = window.innerWidth; }
}
module.exports = { Panel };
