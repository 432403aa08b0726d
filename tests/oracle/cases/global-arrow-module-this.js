// oracle: rule=no-implicit-global site=4:3 entry=tag expect=no-leak
// A module-level arrow function: its `this` is module.exports, not the global object.
const tag = (id) => {
  this['tag_' + id] = true;
  return id;
};

module.exports.tag = tag;
