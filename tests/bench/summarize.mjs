// Turns the raw timings of tests/bench/run.sh ($CACHE/runs.tsv) and the tools'
// reports of the last repetition ($CACHE/out/) into a Markdown table, the bar
// checks of issue #2 and $CACHE/results.json. Reads only; run by run.sh.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";

const opt = {};
for (let i = 2; i < process.argv.length; i += 2)
  opt[process.argv[i].replace(/^--/, "")] = process.argv[i + 1];
const cache = opt.cache;
const jobs = Number(opt.jobs);
// The two file sets, and their sizes; `nomin` drops the *.min.js files,
// which oxlint skips by design.
const sizes = new Map(
  readFileSync(join(cache, "sizes.txt"), "utf8").trim().split("\n").map((l) => {
    const sp = l.indexOf(" ");
    return [l.slice(sp + 1), Number(l.slice(0, sp))];
  }));
const measure = (paths) => ({
  files: paths.length,
  bytes: paths.reduce((s, p) => s + sizes.get(p), 0),
});
const list = (name) => readFileSync(join(cache, name), "utf8").split("\n").filter(Boolean);
const isMin = (p) => /\.min\.[mc]?js$/.test(p);
const sets = {
  full: measure(list("files.txt")),
  quarter: measure(list("files-quarter.txt")),
};
const nomin = {
  full: measure(list("files.txt").filter((p) => !isMin(p))),
  quarter: measure(list("files-quarter.txt").filter((p) => !isMin(p))),
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const readJson = (p) => {
  try {
    return JSON.parse(readFileSync(p, "utf8"));
  } catch {
    return null;
  }
};
const version = (cmd, args) => {
  try {
    return execFileSync(cmd, args, { encoding: "utf8" }).trim().split("\n")[0];
  } catch {
    return "unknown";
  }
};

// ==== Raw runs, grouped by configuration ====
const [header, ...lines] = readFileSync(join(cache, "runs.tsv"), "utf8").trim().split("\n");
const cols = header.split("\t");
const runs = lines.map((l) => Object.fromEntries(l.split("\t").map((v, i) => [cols[i], v])));
const rows = new Map();
for (const r of runs) {
  if (!rows.has(r.id))
    rows.set(r.id, { id: r.id, tool: r.tool, threads: Number(r.threads), set: r.set, runs: [] });
  rows.get(r.id).runs.push({
    rep: Number(r.rep), rc: Number(r.rc), wall_s: Number(r.wall_s),
    rss_mb: Number(r.rss_kb) / 1024, cpu_s: Number(r.cpu_s), load1: Number(r.load1),
  });
}

// ==== What each tool says it did (last repetition) ====
function outcome(row) {
  const out = join(cache, "out", row.id);
  const o = { files: null, findings: null, parse_errors: null, by_rule: {}, notes: [] };
  const bad = row.runs.filter((r) => !(r.rc === 0 || (r.tool !== "floor" && r.rc === 1)));
  const rcs = [...new Set(row.runs.map((r) => r.rc))];
  if (row.tool === "floor") {
    const m = /^(\d+) files, (\d+) bytes, (\d+) unreadable/m.exec(
      existsSync(`${out}.stdout`) ? readFileSync(`${out}.stdout`, "utf8") : "");
    if (m) [o.files, o.parse_errors] = [Number(m[1]), Number(m[3])];
  } else if (row.tool === "leaklint") {
    const j = readJson(`${out}.json`);
    if (j) {
      o.files = j.summary?.files ?? null;
      o.findings = j.findings.length;
      for (const f of j.findings) o.by_rule[f.rule] = (o.by_rule[f.rule] ?? 0) + 1;
      o.parse_errors = o.by_rule["parse-error"] ?? 0;
    }
    const err = existsSync(`${out}.stderr`) ? readFileSync(`${out}.stderr`, "utf8").trim() : "";
    if (err) o.notes.push(`${err.split("\n").length} stderr lines, first: ${err.split("\n")[0]}`);
  } else if (row.tool === "eslint") {
    const j = readJson(`${out}.json`);
    if (Array.isArray(j)) {
      o.files = j.length;
      o.findings = 0;
      o.parse_errors = 0;
      let unknown = 0; // `eslint-disable x/y` comments naming unloaded plugins' rules
      for (const f of j)
        for (const m of f.messages) {
          if (m.fatal) o.parse_errors++;
          else if (/^Definition for rule .* was not found/.test(m.message)) unknown++;
          else o.by_rule[m.ruleId] = (o.by_rule[m.ruleId] ?? 0) + 1, o.findings++;
        }
      if (unknown) o.notes.push(`+${unknown} "rule not found" errors from inline directives`);
    }
  } else if (row.tool === "oxlint") {
    const j = readJson(`${out}.stdout`);
    if (j) {
      o.files = j.number_of_files;
      o.findings = 0;
      o.parse_errors = 0;
      for (const d of j.diagnostics) {
        const rule = /^eslint\((.+)\)$/.exec(d.code ?? "")?.[1];
        if (rule) o.by_rule[rule] = (o.by_rule[rule] ?? 0) + 1, o.findings++;
        else o.parse_errors++;
      }
      if (j.number_of_rules !== 2) o.notes.push(`oxlint ran ${j.number_of_rules} rules, not 2`);
    }
  }
  if (bad.length) o.notes.push(`TROUBLE: exit codes ${rcs.join(",")}`);
  o.set = sets[row.set];
  if (row.tool === "oxlint" && o.files === nomin[row.set].files) {
    o.set = nomin[row.set];
    o.notes.push(`skips the ${sets[row.set].files - o.files} *.min.js files`);
  } else if (o.files !== null && o.files !== sets[row.set].files) {
    o.notes.push(`checked ${o.files} of ${sets[row.set].files} files`);
  }
  return o;
}

const table = [];
for (const row of rows.values()) {
  const { set, ...o } = outcome(row);
  const wall = median(row.runs.map((r) => r.wall_s));
  const cpu = median(row.runs.map((r) => r.cpu_s));
  table.push({
    id: row.id, tool: row.tool, threads: row.threads, set: row.set,
    files: set.files, mb: set.bytes / 1e6,
    wall_s: wall, wall_all_s: row.runs.map((r) => r.wall_s),
    cpu_s: cpu, cpu_all_s: row.runs.map((r) => r.cpu_s),
    cores_used: cpu / wall,
    files_per_s: set.files / wall, mb_per_s: set.bytes / 1e6 / wall,
    rss_mb: median(row.runs.map((r) => r.rss_mb)),
    rss_max_mb: Math.max(...row.runs.map((r) => r.rss_mb)),
    load1: row.runs.map((r) => r.load1),
    exit_codes: row.runs.map((r) => r.rc),
    ...o,
  });
}
const get = (id) => table.find((r) => r.id === id);
for (const r of table) {
  const floor = get(r.set === "quarter" ? "floor-q" : "floor");
  r.x_floor = floor ? r.wall_s / floor.wall_s : null;
  r.x_floor_cpu = floor ? r.cpu_s / floor.cpu_s : null;
}

// ==== Bar checks (issue #2) ====
// Time ratios are judged on the median wall time; the same ratio on CPU time
// (user + sys) is shown too, as it suffers less from a busy machine.
const checks = [];
const check = (name, value, value_cpu, op, bar, detail) => {
  if (value === null || Number.isNaN(value)) return;
  const pass = op === "<=" ? value <= bar : value >= bar;
  checks.push({ name, value, value_cpu, op, bar, pass, detail });
};
const both = (a, b, f) => (get(a) && get(b) ? f(get(a), get(b)) : null);
const wallRatio = (a, b) => both(a, b, (x, y) => x.wall_s / y.wall_s);
const cpuRatio = (a, b) => both(a, b, (x, y) => x.cpu_s / y.cpu_s);
const N = `j${jobs}`;
check("leaklint 1 thread / floor (time)", wallRatio("leaklint-j1", "floor"),
  cpuRatio("leaklint-j1", "floor"), "<=", 1.3, "whole analysis vs read+parse only");
if (jobs > 1)
  check(`leaklint speed-up 1 -> ${jobs} threads`, wallRatio("leaklint-j1", `leaklint-${N}`),
    null, ">=", 1.8,
    `bar is for 2 otherwise idle cores; this machine has ${cpus().length}; ` +
    `cores used at -j ${jobs}: ${get(`leaklint-${N}`)?.cores_used.toFixed(2)}`);
check("eslint / leaklint, 1 thread (time)", wallRatio("eslint-j1", "leaklint-j1"),
  cpuRatio("eslint-j1", "leaklint-j1"), ">=", 5, "");
if (jobs > 1)
  check(`eslint / leaklint, ${jobs} threads (time)`, wallRatio(`eslint-${N}`, `leaklint-${N}`),
    cpuRatio(`eslint-${N}`, `leaklint-${N}`), ">=", 5, "eslint --concurrency");
// Instructions (run.sh --instructions): deterministic, whatever the load.
const instrFile = join(cache, "instructions.tsv");
const instr = existsSync(instrFile)
  ? Object.fromEntries(readFileSync(instrFile, "utf8").trim().split("\n").slice(1)
    .map((l) => l.split("\t")).map(([id, set, n]) => [id, { set, instructions: Number(n) }]))
  : {};
if (instr.floor?.instructions && instr["leaklint-j1"]?.instructions)
  check(`leaklint 1 thread / floor (instructions, ${instr.floor.set} set)`,
    instr["leaklint-j1"].instructions / instr.floor.instructions, null, "<=", 1.3,
    `valgrind: ${(instr.floor.instructions / 1e9).toFixed(2)} G -> ` +
    `${(instr["leaklint-j1"].instructions / 1e9).toFixed(2)} G instructions`);
// Memory: the 1/4 set holds the corpus's largest file too, so the biggest
// single tree is the same and any growth is memory kept across files. It is
// judged per extra file (bar: 0.5 KB, i.e. 5 MB for 10k files), not as a
// ratio, which the fixed start-up footprint (shared libraries) would dilute.
for (const j of jobs > 1 ? [1, jobs] : [1]) {
  const full = get(`leaklint-j${j}`), q = get(`leaklint-q-j${j}`);
  if (!full || !q) continue;
  const perFile = ((full.rss_mb - q.rss_mb) * 1024) / (full.files - q.files);
  check(`leaklint peak RSS growth, 1/4 -> full corpus, ${j} thread${j > 1 ? "s" : ""} (KB per extra file)`,
    perFile, null, "<=", 0.5,
    `${q.rss_mb.toFixed(0)} -> ${full.rss_mb.toFixed(0)} MB for ` +
    `${full.files - q.files} more files, x${(full.rss_mb / q.rss_mb).toFixed(2)}`);
}

// ==== Output ====
const f = (x, d = 2) => (x === null || x === undefined ? "-" : x.toFixed(d));
const md = [];
md.push("| tool | threads | set | files | MB | median wall s | files/s | MB/s | peak RSS MB | x floor | cpu s | x floor (cpu) | notes |");
md.push("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
for (const r of table) {
  const notes = [];
  if (r.findings !== null) notes.push(`${r.findings} findings`);
  if (r.parse_errors) notes.push(`${r.parse_errors} ${r.tool === "floor" ? "unreadable" : "parse errors"}`);
  notes.push(...r.notes);
  md.push(`| ${r.tool} | ${r.threads} | ${r.set} | ${r.files} | ${f(r.mb, 1)} | ${f(r.wall_s)} | ` +
    `${f(r.files_per_s, 0)} | ${f(r.mb_per_s)} | ${f(r.rss_mb, 0)} | ${f(r.x_floor)} | ` +
    `${f(r.cpu_s)} | ${f(r.x_floor_cpu)} | ${notes.join("; ")} |`);
}
md.push("");
md.push("| bar check | value (wall time, or as named) | value (cpu time) | bar | result |");
md.push("|---|---:|---:|---|---|");
for (const c of checks)
  md.push(`| ${c.name} | ${f(c.value)} | ${f(c.value_cpu)} | ${c.op} ${c.bar} | ` +
    `${c.pass ? "PASS" : "FAIL"}${c.detail ? ` (${c.detail})` : ""} |`);

const meta = {
  date: new Date().toISOString(),
  command: opt.command,
  commit: opt.commit,
  cpus: cpus().length,
  cpu_model: cpus()[0]?.model,
  jobs,
  load_at_start: opt["load-start"].split(" ").map(Number),
  load_at_end: loadavg().map((x) => Number(x.toFixed(2))),
  versions: {
    leaklint: version(opt.leaklint, ["--version"]),
    eslint: version("node", [opt.eslint, "--version"]),
    oxlint: version(opt.oxlint, ["--version"]).replace(/^Version:\s*/, ""),
    node: process.version,
  },
  corpus: sets,
  instructions: instr,
};
const loads = runs.map((r) => Number(r.load1));
meta.load_during_runs = { min: Math.min(...loads), median: median(loads), max: Math.max(...loads) };
writeFileSync(join(cache, "results.json"), JSON.stringify({ meta, rows: table, checks }, null, 2) + "\n");
console.log(`leaklint benchmark, ${meta.date}, commit ${meta.commit}, ${meta.cpus} CPUs (${meta.cpu_model}), ` +
  `load ${meta.load_at_start.join(" ")} at start, ` +
  `${meta.load_at_end.join(" ")} at end`);
console.log(`versions: ${Object.entries(meta.versions).map(([k, v]) => `${k} ${v}`).join(", ")}`);
console.log(`corpus: ${sets.full.files} files, ${f(sets.full.bytes / 1e6, 1)} MB; quarter: ` +
  `${sets.quarter.files} files, ${f(sets.quarter.bytes / 1e6, 1)} MB; ` +
  `medians of ${Math.max(...table.map((r) => r.wall_all_s.length))} runs\n`);
if (meta.load_during_runs.median > meta.cpus / 2)
  console.log(`WARNING: busy machine: the 1-minute load before each run was ` +
    `${meta.load_during_runs.min}..${meta.load_during_runs.max} (median ` +
    `${meta.load_during_runs.median}) on ${meta.cpus} CPUs, so wall times, ` +
    `speed-ups and even CPU times are inflated and noisy; trust the ratios ` +
    `more than the absolute figures, and the instruction count most.\n`);
console.log(md.join("\n"));
console.log(`\nwritten: ${join(cache, "results.json")}`);
