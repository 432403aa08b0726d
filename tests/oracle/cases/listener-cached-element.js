// oracle: rule=no-unremoved-listener site=7:3 entry=bindSave expect=leaks
// A button looked up once at load: each call adds another click handler to the same element.
const saveButton = document.getElementById('save');

function bindSave(editor) {
  const snapshot = { text: String(editor.text) };
  saveButton.addEventListener('click', () => editor.save(snapshot.text));
}

module.exports = { bindSave };
