// oracle: rule=no-unremoved-listener site=7:5 entry=Store.subscribe expect=leaks
// A static store: every subscribe() adds an inline 'change' listener to the class-level emitter.
const EventEmitter = require('events');

class Store {
  static subscribe(view) {
    Store.events.on('change', () => view.render(Store.state));
    return Store.events.listenerCount('change');
  }

  static set(state) {
    Store.state = state;
    Store.events.emit('change');
  }
}
Store.events = new EventEmitter();
Store.state = {};

module.exports = { Store };
