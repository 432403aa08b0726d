// oracle: rule=no-uncleared-interval site=10:19 entry=Banner#flash expect=no-leak
// A browser banner flashes for half a second: a timeout clears the blinking interval.
class Banner {
  constructor(text) {
    this.el = document.createElement('div');
    this.el.textContent = String(text);
  }

  flash() {
    const blink = setInterval(() => this.el.classList.toggle('on'), 100);
    setTimeout(() => clearInterval(blink), 500);
  }
}

module.exports = { Banner };
