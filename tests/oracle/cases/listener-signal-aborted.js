// oracle: rule=no-unremoved-listener site=6:3 entry=dragOnce expect=no-leak
// { signal } listeners on document, aborted when the drag ends within the call.
function dragOnce(item) {
  const controller = new AbortController();
  const position = { x: 0 };
  document.addEventListener('pointermove', () => position.x++, { signal: controller.signal });
  item.drop(position);
  controller.abort();
  return position.x;
}

module.exports = { dragOnce };
