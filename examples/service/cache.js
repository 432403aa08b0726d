// An in-memory response cache. This file is a sloppy CommonJS script (no
// "use strict"), which is what lets the first function create a global.

function remember(key, value) {
  // LEAK: `responseCache` is declared nowhere, so it is a property of the
  // global object, and every request adds a key that is never removed.
  if (typeof responseCache === 'undefined') responseCache = {};
  responseCache[key] = value;
}

// Done right: a declared, bounded Map.
const recent = new Map();
const RECENT_LIMIT = 100;

function rememberRecent(key, value) {
  recent.delete(key);
  recent.set(key, value);
  if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value);
}

function size() {
  return recent.size;
}

module.exports = { remember, rememberRecent, size };
