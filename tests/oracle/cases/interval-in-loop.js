// oracle: rule=no-uncleared-interval site=6:5 entry=subscribeAll expect=leaks
// One refresh interval per feed of each request, handles dropped inside the loop.
function subscribeAll(feeds, render) {
  let count = 0;
  for (const feed of feeds) {
    setInterval(() => render(feed.latest()), 1000);
    count++;
  }
  return count;
}

module.exports = { subscribeAll };
