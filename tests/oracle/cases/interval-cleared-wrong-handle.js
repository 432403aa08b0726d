// oracle: rule=no-uncleared-interval site=5:17 entry=trackUpload expect=leaks
// Two intervals per upload, but the clean-up clears the first handle twice: the second one leaks.
function trackUpload(upload, ui) {
  const progress = setInterval(() => ui.progress(upload.sent), 200);
  const speed = setInterval(() => ui.speed(upload.rate), 1000);
  upload.start();
  clearInterval(progress);
  clearInterval(progress); // a copy-paste slip: meant `speed`
}

module.exports = { trackUpload };
