// oracle: rule=no-uncleared-interval site=7:21 entry=openSession expect=leaks
// A session keeps its keep-alive handle in a local and stores the session in a module Map; nothing clears it.
const sessions = new Map();

function openSession(user, socket) {
  const session = { user: String(user), lastSeen: Date.now() };
  const keepAlive = setInterval(() => socket.send('ping'), 5000);
  session.keepAlive = keepAlive;
  sessions.set(session.user, session);
  return session.user;
}

function closeSession(id) {
  const session = sessions.get(id);
  if (session) clearInterval(session.keepAlive);
  sessions.delete(id);
}

module.exports = { openSession, closeSession };
