// A tooltip shown while the pointer is over its anchor. Correctly disposed:
// the handlers are bound once, and the same functions are removed.
export class Tooltip {
  constructor(anchor, text) {
    this.anchor = anchor;
    this.text = text;
    this.show = this.show.bind(this);
    this.hide = this.hide.bind(this);
    this.anchor.addEventListener('mouseenter', this.show);
    this.anchor.addEventListener('mouseleave', this.hide);
    document.addEventListener('keydown', this.hide);
  }

  show() {
    this.anchor.title = this.text;
  }

  hide() {
    this.anchor.title = '';
  }

  destroy() {
    this.anchor.removeEventListener('mouseenter', this.show);
    this.anchor.removeEventListener('mouseleave', this.hide);
    document.removeEventListener('keydown', this.hide);
  }
}
