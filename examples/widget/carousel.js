// A slide carousel that advances on its own while playing.
export class Carousel {
  constructor(slides) {
    this.slides = Array.from(slides);
    this.index = 0;
    this.timer = null;
  }

  play() {
    // Done right: play() twice does not start a second interval.
    if (this.timer) return;
    this.timer = setInterval(() => this.next(), 4000);
  }

  pause() {
    clearInterval(this.timer);
    this.timer = null;
  }

  next() {
    this.slides[this.index].hidden = true;
    this.index = (this.index + 1) % this.slides.length;
    this.slides[this.index].hidden = false;
  }

  destroy() {
    this.pause();
  }
}
