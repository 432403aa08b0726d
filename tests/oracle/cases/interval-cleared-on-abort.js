// oracle: rule=no-uncleared-interval site=5:18 entry=streamStatus expect=no-leak
// The interval is cleared by an AbortSignal's abort listener, and the request aborts before returning.
function streamStatus(res) {
  const controller = new AbortController();
  const handle = setInterval(() => res.write('status\n'), 1000);
  controller.signal.addEventListener('abort', () => clearInterval(handle));
  res.write('first\n');
  controller.abort();
}

module.exports = { streamStatus };
