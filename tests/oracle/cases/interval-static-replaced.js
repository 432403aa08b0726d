// oracle: rule=no-uncleared-interval site=6:20 entry=Poller.start expect=leaks
// A static poller overwrites Poller.timer on every start(): stop() can only clear the last interval.
class Poller {
  static start(url) {
    Poller.url = String(url);
    Poller.timer = setInterval(() => Poller.poll(), 2000);
  }

  static stop() {
    clearInterval(Poller.timer);
  }

  static poll() {
    Poller.polls = (Poller.polls || 0) + 1;
  }
}

module.exports = { Poller };
