// oracle: rule=no-uncleared-interval site=5:3 entry=startProgress expect=leaks
// A Node handler streams a progress dot every second and drops the handle: one interval per request, forever.
function startProgress(req, res) {
  res.write(`job ${req.id} started\n`);
  setInterval(() => res.write('.'), 1000);
}

module.exports = { startProgress };
