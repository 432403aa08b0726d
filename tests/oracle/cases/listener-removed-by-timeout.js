// oracle: rule=no-unremoved-listener site=5:3 entry=showHint expect=no-leak
// A hint follows the mouse for 300 ms: a timeout removes the same listener function.
function showHint(hint) {
  const onMove = () => hint.follow();
  window.addEventListener('mousemove', onMove);
  setTimeout(() => window.removeEventListener('mousemove', onMove), 300);
}

module.exports = { showHint };
