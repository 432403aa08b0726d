'use strict';
// Request handlers. Each runs once per request, so anything they attach to a
// long-lived object must be detached again.
const { EventEmitter } = require('events');
const cache = require('./cache');

// Module-level event sources: they live as long as the process.
const updates = new EventEmitter();
const notifier = new EventTarget();

function handleStatus(req, res) {
  // LEAK: one more 'exit' listener per request; each holds its `res` forever.
  process.on('exit', () => res.end());
  cache.remember(req.url, Date.now());
  res.end(JSON.stringify({ ok: true, cached: cache.size() }));
}

function handleNotify(req, res) {
  // LEAK: an inline listener on the module-level bus can never be removed.
  updates.on('notify', (message) => res.write(`${message}\n`));
}

function handleSubscribe(req, res) {
  // Done right: the same function is removed when the client goes away.
  const onUpdate = (data) => res.write(`${JSON.stringify(data)}\n`);
  updates.on('update', onUpdate);
  req.once('close', () => updates.off('update', onUpdate));
}

function handlePing(req, res) {
  // Done right: the listener goes when the request's controller aborts.
  const ctrl = new AbortController();
  notifier.addEventListener('ping', () => res.write('pong\n'), { signal: ctrl.signal });
  req.once('close', () => ctrl.abort());
}

async function handleUpload(req, res) {
  // Done right: a per-request emitter that never escapes this function.
  const progress = new EventEmitter();
  let received = 0;
  progress.on('chunk', (n) => {
    received += n;
  });
  for await (const chunk of req) progress.emit('chunk', chunk.length);
  res.end(`received ${received} bytes\n`);
}

function publish(event, data) {
  updates.emit(event, data);
  notifier.dispatchEvent(new Event('ping'));
}

module.exports = { handleStatus, handleNotify, handleSubscribe, handlePing, handleUpload, publish };
