'use strict';
// The service's entry point: an HTTP server that routes each request to a
// handler. Run it with `node examples/service/server.js`.
const http = require('http');
const handlers = require('./handlers');
const { startPolling, startPollingSafely } = require('./poller');
const { Heartbeat } = require('./heartbeat');
const metrics = require('./metrics');

const heartbeat = new Heartbeat(5000);
heartbeat.start();

const server = http.createServer((req, res) => {
  metrics.count('requests');
  // A listener on the per-request response dies with the response: fine.
  res.on('finish', () => console.log(`${req.method} ${req.url} ${res.statusCode}`));

  switch (req.url) {
    case '/status': return handlers.handleStatus(req, res);
    case '/subscribe': return handlers.handleSubscribe(req, res);
    case '/notify': return handlers.handleNotify(req, res);
    case '/ping': return handlers.handlePing(req, res);
    case '/upload': return handlers.handleUpload(req, res);
    case '/watch': return startPolling(req, res);
    case '/watch-safely': return startPollingSafely(req, res);
    default:
      res.statusCode = 404;
      return res.end();
  }
});

// Module level: added once for the life of the process.
process.on('SIGTERM', () => {
  heartbeat.stop();
  server.close();
});

server.listen(Number(process.env.PORT) || 3000);
