// oracle: rule=no-uncleared-interval site=5:18 entry=blink expect=no-leak
// A blink effect: the interval counts its own ticks and clears itself after five.
function blink(led) {
  let ticks = 0;
  const handle = setInterval(() => {
    led.toggle();
    if (++ticks === 5) clearInterval(handle);
  }, 100);
}

module.exports = { blink };
