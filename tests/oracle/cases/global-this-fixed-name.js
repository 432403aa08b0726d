// oracle: rule=no-implicit-global site=4:3 entry=resetState expect=no-leak
// `this.ready` in a sloppy plain function: a global, but always the same one.
function resetState(reason) {
  this.ready = false;
  this.lastReason = String(reason);
}

module.exports = { resetState };
