// oracle: rule=no-implicit-global site=5:5 entry=markSeen expect=leaks
// A sloppy function expression passed to forEach: its `this` is the global object.
function markSeen(ids) {
  [...ids].forEach(function (id) {
    this['seen_' + id] = true;
  });
}

module.exports = { markSeen };
