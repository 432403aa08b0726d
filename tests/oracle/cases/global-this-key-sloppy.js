// oracle: rule=no-implicit-global site=4:3 entry=remember expect=leaks
// A sloppy plain function called without a receiver: `this` is the global object, one new name per session.
function remember(sessionId, data) {
  this['session_' + sessionId] = { data, at: Date.now() };
}

module.exports = { remember };
