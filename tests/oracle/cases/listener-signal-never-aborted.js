// oracle: rule=no-unremoved-listener site=5:3 entry=listenForMessages expect=leaks
// A { signal } listener on window whose controller is aborted only by a disposer nobody calls.
function listenForMessages(port) {
  const controller = new AbortController();
  window.addEventListener('message', (event) => port.post(event.data), {
    signal: controller.signal,
  });
  return () => controller.abort();
}

module.exports = { listenForMessages };
