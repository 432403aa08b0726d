// oracle: rule=no-implicit-global site=5:39 entry=handleRequest expect=leaks
// An undeclared array that grows per request. A memory leak, but the global-properties metric
// counts names, and there is only one: no-leak by this metric.
function handleRequest(req) {
  if (typeof seenIds === 'undefined') seenIds = [];
  seenIds.push(String(req.id));
}

module.exports = { handleRequest };
