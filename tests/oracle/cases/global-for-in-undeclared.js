// oracle: rule=no-implicit-global site=5:8 entry=applyOptions expect=no-leak
// An undeclared for-in loop variable: one stray global name, reused by every call.
function applyOptions(target, options) {
  const applied = [];
  for (key in { retries: 3, timeout: String(options) }) {
    applied.push(key);
  }
  target.configure(applied);
}

module.exports = { applyOptions };
