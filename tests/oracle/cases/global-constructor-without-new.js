// oracle: rule=no-implicit-global site=4:3 entry=Registration expect=leaks
// A constructor-style function called without `new`: each id becomes a property of the global object.
function Registration(id, form) {
  this[id] = { form, createdAt: Date.now() };
  this.count = (this.count || 0) + 1;
}

module.exports = { Registration };
