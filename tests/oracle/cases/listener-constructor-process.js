// oracle: rule=no-unremoved-listener site=7:5 entry=new Logger expect=leaks
// Each Logger registers a SIGINT flush on process in its constructor: process keeps every logger alive.
class Logger {
  constructor(sink) {
    this.sink = sink;
    this.lines = [];
    process.on('SIGINT', () => this.flush());
  }

  log(line) {
    this.lines.push(line);
  }

  flush() {
    this.sink.write(this.lines.join('\n'));
  }
}

module.exports = { Logger };
