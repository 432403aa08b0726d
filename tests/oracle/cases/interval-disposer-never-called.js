// oracle: rule=no-uncleared-interval site=5:18 entry=watchQuota expect=leaks
// A subscription helper returns a disposer that would clear the interval, but nobody calls it.
function watchQuota(account, onChange) {
  let last = 0;
  const handle = setInterval(() => {
    const quota = Number(account.quota);
    if (quota !== last) onChange(quota);
    last = quota;
  }, 1000);
  return () => clearInterval(handle);
}

module.exports = { watchQuota };
