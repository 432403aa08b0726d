// oracle: rule=no-uncleared-interval site=6:18 entry=waitForReady expect=leaks
// The interval clears itself only when a shared flag flips, and nothing ever flips it.
const service = { ready: false };

function waitForReady(callback) {
  const handle = setInterval(() => {
    if (service.ready) {
      clearInterval(handle);
      callback();
    }
  }, 250);
}

module.exports = { waitForReady, service };
