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
const sets = {
  full: { files: Number(opt.files), bytes: Number(opt.bytes) },
  quarter: { files: Number(opt["quarter-files"]), bytes: Number(opt["quarter-bytes"]) },
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
    rss_mb: Number(r.rss_kb) / 1024, load1: Number(r.load1),
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
      for (const f of j)
        for (const m of f.messages) {
          if (m.fatal) o.parse_errors++;
          else o.by_rule[m.ruleId] = (o.by_rule[m.ruleId] ?? 0) + 1, o.findings++;
        }
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
  if (o.files !== null && o.files !== sets[row.set].files)
    o.notes.push(`checked ${o.files} of ${sets[row.set].files} files`);
  return o;
}

const table = [];
for (const row of rows.values()) {
  const set = sets[row.set];
  const wall = median(row.runs.map((r) => r.wall_s));
  table.push({
    id: row.id, tool: row.tool, threads: row.threads, set: row.set,
    files: set.files, mb: set.bytes / 1e6,
    wall_s: wall, wall_all_s: row.runs.map((r) => r.wall_s),
    files_per_s: set.files / wall, mb_per_s: set.bytes / 1e6 / wall,
    rss_mb: median(row.runs.map((r) => r.rss_mb)),
    rss_max_mb: Math.max(...row.runs.map((r) => r.rss_mb)),
    load1: row.runs.map((r) => r.load1),
    exit_codes: row.runs.map((r) => r.rc),
    ...outcome(row),
  });
}
const get = (id) => table.find((r) => r.id === id);
for (const r of table) {
  const floor = get(r.set === "quarter" ? "floor-q" : "floor");
  r.x_floor = floor ? r.wall_s / floor.wall_s : null;
}

// ==== Bar checks (issue #2) ====
const checks = [];
const check = (name, value, op, bar, detail) => {
  if (value === null || Number.isNaN(value)) return;
  const pass = op === "<=" ? value <= bar : value >= bar;
  checks.push({ name, value, op, bar, pass, detail });
};
const ratio = (a, b, f) => (get(a) && get(b) ? f(get(a), get(b)) : null);
const N = `j${jobs}`;
check("leaklint 1 thread / floor (time)",
  ratio("leaklint-j1", "floor", (a, b) => a.wall_s / b.wall_s), "<=", 1.3,
  "whole analysis vs read+parse only");
if (jobs > 1)
  check(`leaklint speed-up 1 -> ${jobs} threads`,
    ratio("leaklint-j1", `leaklint-${N}`, (a, b) => a.wall_s / b.wall_s), ">=", 1.8,
    `bar is for 2 otherwise idle cores; this machine has ${cpus().length}`);
check("eslint / leaklint, 1 thread (time)",
  ratio("eslint-j1", "leaklint-j1", (a, b) => a.wall_s / b.wall_s), ">=", 5, "");
if (jobs > 1)
  check(`eslint / leaklint, ${jobs} threads (time)`,
    ratio(`eslint-${N}`, `leaklint-${N}`, (a, b) => a.wall_s / b.wall_s), ">=", 5,
    "eslint --concurrency");
check("leaklint peak RSS, full / 1/4 corpus, 1 thread",
  ratio("leaklint-j1", "leaklint-q-j1", (a, b) => a.rss_mb / b.rss_mb), "<=", 1.25,
  "about the same = memory independent of corpus size (both sets hold the largest file)");
if (jobs > 1)
  check(`leaklint peak RSS, full / 1/4 corpus, ${jobs} threads`,
    ratio(`leaklint-${N}`, `leaklint-q-${N}`, (a, b) => a.rss_mb / b.rss_mb), "<=", 1.25, "");

// ==== Output ====
const f = (x, d = 2) => (x === null || x === undefined ? "-" : x.toFixed(d));
const md = [];
md.push("| tool | threads | set | files | MB | median wall s | files/s | MB/s | peak RSS MB | x floor | notes |");
md.push("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---|");
for (const r of table) {
  const notes = [];
  if (r.findings !== null) notes.push(`${r.findings} findings`);
  if (r.parse_errors) notes.push(`${r.parse_errors} ${r.tool === "floor" ? "unreadable" : "parse errors"}`);
  notes.push(...r.notes);
  md.push(`| ${r.tool} | ${r.threads} | ${r.set} | ${r.files} | ${f(r.mb, 1)} | ${f(r.wall_s)} | ` +
    `${f(r.files_per_s, 0)} | ${f(r.mb_per_s)} | ${f(r.rss_mb, 0)} | ${f(r.x_floor)} | ${notes.join("; ")} |`);
}
md.push("");
md.push("| bar check | value | bar | result |");
md.push("|---|---:|---|---|");
for (const c of checks)
  md.push(`| ${c.name} | ${f(c.value)} | ${c.op} ${c.bar} | ${c.pass ? "PASS" : "FAIL"}${c.detail ? ` (${c.detail})` : ""} |`);

const meta = {
  date: new Date().toISOString(),
  command: opt.command,
  commit: opt.commit,
  cpus: cpus().length,
  cpu_model: cpus()[0]?.model,
  jobs,
  load_at_end: loadavg().map((x) => Number(x.toFixed(2))),
  versions: {
    leaklint: version(opt.leaklint, ["--version"]),
    eslint: version("node", [opt.eslint, "--version"]),
    oxlint: version(opt.oxlint, ["--version"]),
    node: process.version,
  },
  corpus: sets,
};
writeFileSync(join(cache, "results.json"), JSON.stringify({ meta, rows: table, checks }, null, 2) + "\n");
console.log(`leaklint benchmark, ${meta.date}, commit ${meta.commit}, ${meta.cpus} CPUs (${meta.cpu_model}), ` +
  `load at end ${meta.load_at_end.join(" ")}`);
console.log(`versions: ${Object.entries(meta.versions).map(([k, v]) => `${k} ${v}`).join(", ")}`);
console.log(`corpus: ${sets.full.files} files, ${f(sets.full.bytes / 1e6, 1)} MB; quarter: ` +
  `${sets.quarter.files} files, ${f(sets.quarter.bytes / 1e6, 1)} MB; ` +
  `medians of ${Math.max(...table.map((r) => r.wall_all_s.length))} runs\n`);
console.log(md.join("\n"));
console.log(`\nwritten: ${join(cache, "results.json")}`);
