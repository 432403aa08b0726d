// oracle: rule=no-unremoved-listener site=8:3 entry=parseUpload expect=no-leak
// Listeners on a per-call EventEmitter that never escapes: it and its listeners become garbage.
const EventEmitter = require('events');

function parseUpload(body) {
  const parser = new EventEmitter();
  const parts = [];
  parser.on('part', (part) => parts.push(part));
  parser.emit('part', String(body));
  parser.emit('part', 'eof');
  return parts.length;
}

module.exports = { parseUpload };
