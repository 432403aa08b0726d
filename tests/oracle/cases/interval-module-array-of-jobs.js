// oracle: rule=no-uncleared-interval site=7:16 entry=schedule expect=leaks
// A module-level job list holds closures with their interval handles; jobs are added per call, never removed.
const jobs = [];

function schedule(task, everyMs) {
  const job = { task, runs: 0 };
  job.handle = setInterval(() => {
    job.runs++;
    job.task.run();
  }, 1000);
  jobs.push(job);
  return jobs.length;
}

function stopAll() {
  for (const job of jobs) clearInterval(job.handle);
  jobs.length = 0;
}

module.exports = { schedule, stopAll };
