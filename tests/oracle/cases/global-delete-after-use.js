// oracle: rule=no-implicit-global site=5:3 entry=handOff expect=no-leak
// A per-call global used to hand data to legacy code, deleted as soon as it has been read.
function handOff(requestId, payload) {
  const name = '__handoff_' + requestId;
  globalThis[name] = payload;
  const received = globalThis[name];
  delete globalThis[name];
  return received === payload;
}

module.exports = { handOff };
