// oracle: rule=no-unremoved-listener site=10:5 entry=Tooltip#flash expect=no-leak
// The handler is bound once in the constructor, so the same function is added and later removed.
class Tooltip {
  constructor(anchor) {
    this.anchor = anchor;
    this.onKey = this.onKey.bind(this);
  }

  flash() {
    document.addEventListener('keydown', this.onKey);
    setTimeout(() => document.removeEventListener('keydown', this.onKey), 500);
  }

  onKey() {
    this.anchor.hide();
  }
}

module.exports = { Tooltip };
