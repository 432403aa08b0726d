// oracle: rule=no-uncleared-interval site=7:18 entry=Spinner#destroy expect=no-leak
// A spinner per request starts its frame interval in the constructor; the entry is destroy(), which clears it.
class Spinner {
  constructor(stream) {
    this.stream = stream;
    this.frame = 0;
    this.timer = setInterval(() => {
      this.frame = (this.frame + 1) % 4;
      this.stream.write('|/-\\'[this.frame]);
    }, 100);
  }

  destroy() {
    clearInterval(this.timer);
    this.stream.write('\n');
  }
}

module.exports = { Spinner };
