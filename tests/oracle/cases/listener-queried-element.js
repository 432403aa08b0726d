// oracle: rule=no-unremoved-listener site=6:3 entry=renderResults expect=leaks
// Each render queries the same search box and adds one more 'input' listener to it.
function renderResults(results) {
  const input = document.querySelector('#search');
  const list = document.createElement('ul');
  input.addEventListener('input', () => {
    list.textContent = String(results.filter(input.value));
  });
  return list;
}

module.exports = { renderResults };
