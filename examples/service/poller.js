'use strict';
// Streams an upstream status to a client that asked to watch it
// (server-sent events), once per second.
const { fetchStatus } = require('./upstream');

async function push(res) {
  res.write(`data: ${JSON.stringify(await fetchStatus())}\n\n`);
}

function startPolling(req, res) {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  // LEAK: a new interval per request whose handle is dropped: it keeps
  // polling, and keeps `res` alive, long after the client has gone.
  setInterval(() => push(res), 1000);
}

function startPollingSafely(req, res) {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  // Done right: the interval is cleared when the client disconnects.
  const timer = setInterval(() => push(res), 1000);
  req.once('close', () => clearInterval(timer));
}

module.exports = { startPolling, startPollingSafely };
