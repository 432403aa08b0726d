// oracle: rule=no-uncleared-interval site=4:18 entry=pollOnce expect=no-leak
// The interval's disposer is kept and called before the request finishes.
function pollOnce(job, res) {
  const handle = setInterval(() => job.check(), 100);
  const stop = () => clearInterval(handle);
  res.write('polling');
  stop();
  return 'done';
}

module.exports = { pollOnce };
