// oracle: rule=no-uncleared-interval site=8:20 entry=watch expect=no-leak
// A module-level pool of watchers with a cap: adding the sixth clears and drops the oldest.
const MAX_WATCHERS = 5;
const watchers = [];

function watch(file, onChange) {
  const watcher = { file, handle: null };
  watcher.handle = setInterval(() => onChange(watcher.file), 1000);
  watchers.push(watcher);
  if (watchers.length > MAX_WATCHERS) {
    const oldest = watchers.shift();
    clearInterval(oldest.handle);
  }
  return watchers.length;
}

module.exports = { watch };
