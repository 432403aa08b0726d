// oracle: rule=no-implicit-global site=5:3 entry=jsonp expect=leaks
// JSONP in the browser: a uniquely named callback on window per request, never deleted.
function jsonp(requestId, onData) {
  const name = 'jsonp_cb_' + requestId;
  window[name] = function (payload) {
    onData(payload);
  };
  const script = document.createElement('script');
  script.setAttribute('src', '/api?callback=' + name);
  return name;
}

module.exports = { jsonp };
