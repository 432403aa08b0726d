// oracle: rule=no-implicit-global site=5:5 entry=Registry#register expect=no-leak
// The same computed write as a leaky sloppy function, but in a method: `this` is the instance.
class Registry {
  register(id, entry) {
    this['entry_' + id] = entry;
    return Object.keys(this).length;
  }
}

module.exports = { Registry };
