// oracle: rule=no-uncleared-interval site=9:20 entry=new RateMeter then RateMeter#destroy expect=leaks
// Every RateMeter samples and flushes on two intervals; its owner does call
// destroy(), but destroy() clears only the sampling one.
class RateMeter {
  constructor(source) {
    this.source = source;
    this.samples = [];
    this.timer = setInterval(() => this.samples.push(Number(this.source.count)), 1000);
    this.flusher = setInterval(() => {
      this.source.report(this.samples.splice(0));
    }, 5000);
  }

  destroy() {
    clearInterval(this.timer);
  }
}

module.exports = { RateMeter };
