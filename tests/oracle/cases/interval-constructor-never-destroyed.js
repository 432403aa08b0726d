// oracle: rule=no-uncleared-interval site=7:18 entry=new RateMeter expect=leaks
// Every RateMeter starts a sampling interval in its constructor; callers never call destroy().
class RateMeter {
  constructor(source) {
    this.source = source;
    this.samples = [];
    this.timer = setInterval(() => {
      this.samples.push(Number(this.source.count));
      if (this.samples.length > 60) this.samples.shift();
    }, 1000);
  }

  destroy() {
    clearInterval(this.timer);
  }
}

module.exports = { RateMeter };
