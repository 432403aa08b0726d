'use strict';
// A heartbeat that the server starts once and stops on shutdown, and a
// reconnecting client for the upstream.
const { fetchStatus } = require('./upstream');

class Heartbeat {
  constructor(periodMs) {
    this.periodMs = periodMs;
    this.timer = null;
  }

  start() {
    // Done right: a second start() does not orphan the first interval.
    if (this.timer) return;
    this.timer = setInterval(() => console.log('alive'), this.periodMs);
  }

  stop() {
    clearInterval(this.timer);
    this.timer = null;
  }
}

class Reconnector {
  connect() {
    // LEAK: every connect() starts a new interval and overwrites the handle
    // of the previous one, which close() can then never reach.
    this.retryTimer = setInterval(() => this.tryOnce(), 2000);
  }

  async tryOnce() {
    try {
      await fetchStatus();
      this.close();
    } catch (err) {
      console.error('upstream still down:', err.message);
    }
  }

  close() {
    clearInterval(this.retryTimer);
  }
}

module.exports = { Heartbeat, Reconnector };
