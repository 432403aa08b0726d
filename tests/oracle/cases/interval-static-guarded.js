// oracle: rule=no-uncleared-interval site=7:23 entry=Heartbeat.start expect=no-leak
// A static heartbeat starts at most one interval: start() returns early while one is running.
class Heartbeat {
  static start(peer) {
    if (Heartbeat.timer) return false;
    Heartbeat.peer = peer;
    Heartbeat.timer = setInterval(() => Heartbeat.beat(), 1000);
    return true;
  }

  static beat() {
    Heartbeat.beats = (Heartbeat.beats || 0) + 1;
  }

  static stop() {
    clearInterval(Heartbeat.timer);
    Heartbeat.timer = undefined;
  }
}

module.exports = { Heartbeat };
