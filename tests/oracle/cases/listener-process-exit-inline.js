// oracle: rule=no-unremoved-listener site=4:3 entry=handleStatus expect=leaks
// A Node handler adds an inline 'exit' listener to process on every request.
function handleStatus(req, res) {
  process.on('exit', () => res.end('shutting down'));
  res.write('ok');
}

module.exports = { handleStatus };
