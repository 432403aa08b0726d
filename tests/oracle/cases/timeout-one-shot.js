// oracle: rule=no-uncleared-interval site=5:3 entry=delayedReply expect=no-leak
// A one-shot setTimeout per request: it fires half a second later and is gone.
function delayedReply(req, res) {
  const body = JSON.stringify({ id: String(req.id) });
  setTimeout(() => res.end(body), 500);
}

module.exports = { delayedReply };
