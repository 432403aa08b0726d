// oracle: rule=no-uncleared-interval site=10:23 entry=Reconnector#connect expect=leaks
// A reconnector per connection starts its retry interval; the connection is dropped without close().
class Reconnector {
  constructor(target) {
    this.target = target;
    this.attempts = 0;
  }

  connect() {
    this.retryTimer = setInterval(() => this.tryOnce(), 2000);
  }

  tryOnce() {
    this.attempts++;
    this.target.dial();
  }

  close() {
    clearInterval(this.retryTimer);
  }
}

module.exports = { Reconnector };
