// A side panel that takes half of the window's width.
export class ResizePanel {
  constructor(el) {
    this.el = el;
    this.offset = 0;
  }

  mount() {
    // LEAK: `.bind` makes a new function at every mount; nothing holds it,
    // so it can never be removed, and each mount adds one more.
    window.addEventListener('resize', this.onResize.bind(this));
  }

  unmount() {
    // LEAK: another new function: this removes nothing.
    window.removeEventListener('resize', this.onResize.bind(this));
  }

  setOffset(y) {
    this.offset = y;
  }

  onResize() {
    this.el.style.width = `${window.innerWidth / 2}px`;
  }
}
