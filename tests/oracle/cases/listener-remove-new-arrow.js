// oracle: rule=no-unremoved-listener site=7:3 entry=openDialog expect=leaks
// The removal passes a new arrow function, not the one that was added.
function openDialog(dialog) {
  const close = (event) => {
    if (event.key === 'Escape') dialog.close();
  };
  document.addEventListener('keydown', (event) => close(event));
  dialog.show();
  document.removeEventListener('keydown', (event) => close(event));
}

module.exports = { openDialog };
