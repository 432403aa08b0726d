// A clock that redraws itself every second.
export class Clock {
  constructor(el) {
    this.el = el;
    // Done right: started once per instance, cleared in destroy().
    this.timer = setInterval(() => this.render(), 1000);
  }

  render() {
    this.el.textContent = new Date().toLocaleTimeString();
  }

  destroy() {
    clearInterval(this.timer);
  }
}
