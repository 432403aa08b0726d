// oracle: rule=no-uncleared-interval site=5:17 entry=trackUpload expect=leaks
// Two intervals per upload, but the cleanup clears the first handle twice: the second one leaks.
function trackUpload(upload, ui) {
  const progress = setInterval(() => ui.progress(upload.sent), 200);
  const speed = setInterval(() => ui.speed(upload.rate), 1000);
  upload.done = true;
  if (upload.done) {
    clearInterval(progress);
    clearInterval(progress); // meant: speed
  }
  return speed !== progress;
}

module.exports = { trackUpload };
