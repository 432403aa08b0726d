// oracle: rule=no-uncleared-interval site=10:3 entry=retry expect=no-leak
// A setTimeout retry chain with a limit: at most three attempts, then it stops re-arming.
function retry(operation) {
  let attempts = 0;
  const attempt = () => {
    attempts++;
    operation.run();
    if (attempts < 3) setTimeout(attempt, 100);
  };
  setTimeout(attempt, 100);
}

module.exports = { retry };
