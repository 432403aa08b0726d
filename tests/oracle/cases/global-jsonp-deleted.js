// oracle: rule=no-implicit-global site=5:3 entry=jsonp expect=no-leak
// JSONP done right: the uniquely named callback deletes itself from window when the response arrives.
function jsonp(requestId, onData) {
  const name = 'jsonp_cb_' + requestId;
  window[name] = function (payload) {
    delete window[name];
    onData(payload);
  };
  setTimeout(() => window[name]({ ok: true }), 200); // the response script calls it
  return name;
}

module.exports = { jsonp };
