// oracle: rule=no-uncleared-interval site=8:3 entry=keepWarm expect=leaks
// A setTimeout chain that re-arms itself forever: an interval in disguise, started once per call.
function keepWarm(pool) {
  const tick = () => {
    pool.query('SELECT 1');
    setTimeout(tick, 500);
  };
  setTimeout(tick, 500);
}

module.exports = { keepWarm };
