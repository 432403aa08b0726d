// oracle: rule=no-uncleared-interval site=6:3 entry=subscribe expect=leaks
// An async handler that awaits its input, then starts a refresh interval whose
// handle it drops.
async function subscribe(feed) {
  const first = await feed.fetch();
  setInterval(() => feed.refresh(first), 5000);
}
module.exports = { subscribe };
