// oracle: rule=no-unremoved-listener site=5:3 entry=runTask expect=no-leak
// A SIGTERM handler per task, removed with the same function when the task ends.
function runTask(task) {
  const onTerm = () => task.cancel();
  process.on('SIGTERM', onTerm);
  try {
    task.run();
  } finally {
    process.off('SIGTERM', onTerm);
  }
}

module.exports = { runTask };
