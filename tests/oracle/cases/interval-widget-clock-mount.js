// oracle: rule=no-uncleared-interval site=11:17 entry=ClockWidget#mount expect=leaks
// A browser clock widget per page view: mount() ticks the element every second, unmount() is never called.
class ClockWidget {
  constructor(selector) {
    this.el = document.createElement('time');
    this.selector = String(selector);
  }

  mount() {
    document.body.appendChild(this.el);
    this.tick = setInterval(() => {
      this.el.textContent = new Date().toISOString();
    }, 1000);
  }

  unmount() {
    clearInterval(this.tick);
    this.el.remove();
  }
}

module.exports = { ClockWidget };
