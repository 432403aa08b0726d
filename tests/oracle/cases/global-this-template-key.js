// oracle: rule=no-implicit-global site=5:3 entry=setFlag expect=leaks
// Feature flags written through sloppy `this`: a new global per flag name.
function setFlag(name, value) {
  const key = `flag_${name}`;
  this[key] = Boolean(value);
  return key;
}

module.exports = { setFlag };
