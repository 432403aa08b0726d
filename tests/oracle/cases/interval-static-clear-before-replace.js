// oracle: rule=no-uncleared-interval site=6:23 entry=Refresher.restart expect=no-leak
// restart() clears the previous interval before it replaces the handle, so one interval runs at a time.
class Refresher {
  static restart(everyMs) {
    clearInterval(Refresher.timer);
    Refresher.timer = setInterval(() => {
      Refresher.runs = (Refresher.runs || 0) + 1;
    }, 1000);
    return Number(everyMs);
  }
}

module.exports = { Refresher };
