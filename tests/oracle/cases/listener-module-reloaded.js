// oracle: rule=no-unremoved-listener site=9:1 entry=module expect=leaks
// A module registers a process 'beforeExit' hook at load; every reload adds another.
const pending = [];

function enqueue(item) {
  pending.push(item);
}

process.on('beforeExit', () => {
  pending.length = 0;
});

module.exports = { enqueue };
