// oracle: rule=no-unremoved-listener site=6:3 entry=makeButton expect=no-leak
// A button created per call, with its click listener; nothing keeps the button, so both are garbage.
function makeButton(label, onPress) {
  const button = document.createElement('button');
  button.textContent = String(label);
  button.addEventListener('click', () => onPress(label));
  return button.textContent;
}

module.exports = { makeButton };
