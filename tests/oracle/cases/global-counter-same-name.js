// oracle: rule=no-implicit-global site=4:3 entry=countRequest expect=no-leak
// An undeclared counter: one global name, created by the first call; later calls only update it.
function countRequest(req) {
  requestCount = (typeof requestCount === 'number' ? requestCount : 0) + 1;
  return req.id;
}

module.exports = { countRequest };
