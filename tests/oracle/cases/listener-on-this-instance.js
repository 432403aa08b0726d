// oracle: rule=no-unremoved-listener site=9:5 entry=new Connection expect=no-leak
// A connection listens to its own 'error' event: the listener lives and dies with the instance.
const EventEmitter = require('events');

class Connection extends EventEmitter {
  constructor(socket) {
    super();
    this.socket = socket;
    this.on('error', (err) => this.close(err));
  }

  close(reason) {
    this.socket.destroy(reason);
  }
}

module.exports = { Connection };
