'use strict';
// The upstream status endpoint the service watches.
const UPSTREAM_URL = process.env.UPSTREAM_URL || 'http://localhost:4000/status';

async function fetchStatus() {
  // Done right: `AbortSignal.timeout` bounds the request; nothing to release.
  const res = await fetch(UPSTREAM_URL, { signal: AbortSignal.timeout(2000) });
  return res.json();
}

module.exports = { fetchStatus };
