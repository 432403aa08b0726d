// The confirmation benchmark's measuring and reporting half (run.sh checks
// the set-up and builds first). See tests/bench/confirm/README.md.
//
//   node bench.mjs --leaklint BIN --cache DIR --reps N --jobs J
//        --examples FILE... --cases FILE...
//
// Strictly one process at a time, repetitions interleaved: in every
// repetition each file runs once per row, so a change of background load hits
// every row alike. Times are wall times of whole processes (start included).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../../..');
const ORACLE = path.join(ROOT, 'tests/oracle/node-oracle.js');

function parseArgs(argv) {
  const o = { leaklint: null, cache: null, reps: 5, jobs: 1, examples: [], cases: [], command: '' };
  let list = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--leaklint') o.leaklint = argv[++i];
    else if (a === '--cache') o.cache = argv[++i];
    else if (a === '--reps') o.reps = Number(argv[++i]);
    else if (a === '--jobs') o.jobs = Number(argv[++i]);
    else if (a === '--command') o.command = argv[++i];
    else if (a === '--examples') list = o.examples;
    else if (a === '--cases') list = o.cases;
    else if (list) list.push(a);
    else throw new Error(`bench.mjs: unexpected '${a}'`);
  }
  return o;
}

// Wall time around the process; CPU time (user + sys) from GNU time when it
// is there, since CPU time suffers less when other jobs share the machine.
const GNU_TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
let timeFile = null;
function timed(cmd, args) {
  let argv = [cmd, ...args];
  if (GNU_TIME && timeFile) argv = [GNU_TIME, '-f', '%U %S', '-o', timeFile, ...argv];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  let cpu = NaN;
  if (GNU_TIME && timeFile) {
    const last = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    if (last.length === 2 && last.every(Number.isFinite)) cpu = (last[0] + last[1]) * 1000;
  }
  return { ms, cpu, code: r.status, signal: r.signal, stdout: r.stdout || '', stderr: r.stderr || '' };
}

function header(file) {
  const first = fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n', 1)[0];
  const m = /^\/\/ oracle: (.*)$/.exec(first);
  const h = {};
  if (!m) return h;
  const re = /(\w+)=(new \S+|\S+)/g;
  let kv;
  while ((kv = re.exec(m[1]))) h[kv[1]] = kv[2];
  return h;
}

const median = (xs) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
// Nearest-rank percentile.
const pctile = (xs, p) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '-');
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : '-');

function main() {
  const o = parseArgs(process.argv.slice(2));
  const { leaklint: LL, cache } = o;
  fs.mkdirSync(cache, { recursive: true });
  timeFile = path.join(cache, 'time.out');
  const log = (s) => process.stderr.write(`[bench-confirm] ${s}\n`);
  const loadStart = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const files = [...o.examples.map((f) => ({ file: f, set: 'examples' })), ...o.cases.map((f) => ({ file: f, set: 'oracle' }))];
  const cases = o.cases.map((f) => ({ file: f, h: header(f) }));

  // Per file and row: the wall times of each repetition, and what was seen.
  const runs = []; // { row, file, rep, ms, code, load1 }
  const seen = new Map(); // file -> { findings, statuses }
  const siteSeen = new Map(); // case -> status
  const nodeSeen = new Map(); // case -> label
  const trouble = [];
  const inProcess = []; // node-oracle.js's own "ms": the case without process start
  const load1 = () => Number(fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  const checkArgs = (f, confirm) => ['check', ...(confirm ? ['--confirm'] : []), '-j', String(o.jobs), '--format', 'json', f];

  // Warm the page cache and the dynamic loader once, unmeasured.
  timed(LL, ['check', '--format', 'json', ...files.map((x) => x.file)]);
  timed(process.execPath, ['--expose-gc', '--no-warnings', ORACLE, ...cases.slice(0, 1).map((c) => c.file)]);

  // One run over the whole corpus, as CI or a developer would confirm it:
  // each finding's own confirmation time (its `confirm.durationMs`: the
  // forked child's run) and the run's wall time above the static check.
  const whole = []; // per rep: { confirmMs, checkMs, findings }
  const perFindingMs = new Map(); // "file:line:rule" -> [durationMs per rep]
  const allFiles = files.map((x) => x.file);

  for (let rep = 1; rep <= o.reps; rep++) {
    const t0 = Date.now();
    {
      const c = timed(LL, ['check', '-j', String(o.jobs), '--format', 'json', ...allFiles]);
      const r = timed(LL, ['check', '--confirm', '-j', String(o.jobs), '--format', 'json', ...allFiles]);
      try {
        const j = JSON.parse(r.stdout);
        let n = 0;
        for (const f of j.findings) {
          if (!f.confirm || !Number.isFinite(f.confirm.durationMs)) continue;
          n++;
          const k = `${f.file}:${f.line}:${f.rule}`;
          if (!perFindingMs.has(k)) perFindingMs.set(k, []);
          perFindingMs.get(k).push(f.confirm.durationMs);
        }
        whole.push({ confirmMs: r.ms, checkMs: c.ms, findings: n });
      } catch {
        trouble.push('check --confirm over the whole corpus: output is not JSON');
      }
    }
    for (const { file } of files) {
      // leaklint check (static only): the floor of a confirming run.
      let r = timed(LL, checkArgs(file, false));
      runs.push({ row: 'check', file, rep, ms: r.ms, cpu: r.cpu, code: r.code, load1: load1() });
      // leaklint check --confirm: every finding of the file confirmed.
      r = timed(LL, checkArgs(file, true));
      runs.push({ row: 'check --confirm', file, rep, ms: r.ms, cpu: r.cpu, code: r.code, load1: load1() });
      if (r.code !== 0 && r.code !== 1) trouble.push(`check --confirm ${file}: exit ${r.signal || r.code}`);
      if (rep === 1) {
        try {
          const j = JSON.parse(r.stdout);
          const statuses = j.findings.map((f) => (f.confirm ? f.confirm.status : 'absent'));
          seen.set(file, { findings: j.findings.length, statuses });
        } catch {
          seen.set(file, { findings: 0, statuses: [] });
          trouble.push(`check --confirm ${file}: output is not JSON`);
        }
      }
    }
    for (const { file, h } of cases) {
      // leaklint confirm FILE:LINE:COL: one site, like one oracle run.
      let r = timed(LL, ['confirm', `${file}:${h.site}`, '--rule', h.rule, '--format', 'json']);
      runs.push({ row: 'confirm site', file, rep, ms: r.ms, cpu: r.cpu, code: r.code, load1: load1() });
      if (rep === 1) {
        try {
          siteSeen.set(file, JSON.parse(r.stdout).confirm.status);
        } catch {
          siteSeen.set(file, 'error');
          trouble.push(`confirm ${file}:${h.site}: exit ${r.signal || r.code}, no JSON`);
        }
      }
      // The Node oracle on the same case, process start included.
      r = timed(process.execPath, ['--expose-gc', '--no-warnings', ORACLE, file]);
      runs.push({ row: 'node oracle', file, rep, ms: r.ms, cpu: r.cpu, code: r.code, load1: load1() });
      try {
        inProcess.push(JSON.parse(r.stdout.trim().split('\n').pop()).ms);
      } catch {
        /* counted as trouble below */
      }
      if (rep === 1) {
        try {
          nodeSeen.set(file, JSON.parse(r.stdout.trim().split('\n').pop()).label);
        } catch {
          nodeSeen.set(file, 'error');
        }
      }
      if (r.code !== 0) trouble.push(`node oracle ${file}: exit ${r.signal || r.code}`);
    }
    log(`rep ${rep}/${o.reps}: ${((Date.now() - t0) / 1000).toFixed(1)} s (load ${load1()})`);
  }

  fs.writeFileSync(
    path.join(cache, 'runs.tsv'),
    'row\tfile\trep\tms\tcpu_ms\tcode\tload1\n' +
      runs.map((r) => [r.row, r.file, r.rep, r.ms.toFixed(2), Number.isFinite(r.cpu) ? r.cpu.toFixed(0) : '', r.code, r.load1].join('\t')).join('\n') + '\n',
  );

  // ---- Summaries ----
  // The median over the repetitions of one file's wall (or CPU) time.
  const medOf = (row, file, key = 'ms') =>
    median(runs.filter((r) => r.row === row && r.file === file).map((r) => r[key]).filter(Number.isFinite));
  // Per finding: the file's median --confirm time divided by its findings;
  // every finding of the file counts once, with that time.
  const perFinding = (set, key) => {
    const xs = [];
    const extra = [];
    let findings = 0;
    let total = 0;
    for (const { file, set: s } of files) {
      if (set && s !== set) continue;
      const n = seen.get(file).findings;
      if (!n) continue;
      const m = medOf('check --confirm', file, key);
      const floor = medOf('check', file, key);
      findings += n;
      total += m;
      for (let i = 0; i < n; i++) {
        xs.push(m / n);
        extra.push((m - floor) / n);
      }
    }
    return { findings, xs, extra, total };
  };
  const summary = (what, unit, xs, extra, total) => ({
    what,
    unit,
    n: xs.length,
    median: median(xs),
    p95: pctile(xs, 95),
    mean: xs.length ? total / xs.length : NaN,
    extraMedian: extra ? median(extra) : undefined,
  });
  const perCase = (row, key) => cases.map((c) => medOf(row, c.file, key));
  const sum = (xs) => xs.reduce((a, b) => a + b, 0);

  const table = (key) => {
    const rows = [];
    for (const [label, set] of [['examples/', 'examples'], ['tests/oracle/cases/', 'oracle'], ['both', null]]) {
      const p = perFinding(set, key);
      rows.push(summary(`leaklint check --confirm -j ${o.jobs}, ${label}`, 'finding', p.xs, p.extra, p.total));
    }
    const site = perCase('confirm site', key);
    rows.push(summary('leaklint confirm FILE:LINE:COL, tests/oracle/cases/', 'case', site, null, sum(site)));
    const nodeT = perCase('node oracle', key);
    rows.push(summary('node oracle (node-oracle.js), tests/oracle/cases/', 'case', nodeT, null, sum(nodeT)));
    return rows;
  };
  const rows = table('ms');
  const cpuRows = GNU_TIME ? table('cpu') : [];
  // The whole-corpus run: each finding's median confirmation over the reps,
  // and the run's (wall - static check) / findings per rep.
  const ownMs = [...perFindingMs.values()].map(median);
  const marginal = whole.map((w) => (w.confirmMs - w.checkMs) / Math.max(1, w.findings));
  const wholeRows = [
    summary('confirmation per finding, one check --confirm over the corpus (confirm.durationMs)', 'finding', ownMs, null, sum(ownMs)),
    summary('one check --confirm over the corpus: (wall - check) / findings', 'finding', marginal, null, sum(marginal)),
  ];

  const out = [];
  out.push('| what | unit | n | median ms | p95 ms | mean ms | median ms above `check` | node median / this | node p95 / this | cpu median ms | node cpu median / this |');
  out.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const node = rows[rows.length - 1];
  const nodeCpu = cpuRows[cpuRows.length - 1];
  rows.forEach((r, i) => {
    const c = cpuRows[i];
    out.push(
      `| ${r.what} | ${r.unit} | ${r.n} | ${f1(r.median)} | ${f1(r.p95)} | ${f1(r.mean)} | ${r.extraMedian === undefined ? '-' : f1(r.extraMedian)} | ${f2(node.median / r.median)} | ${f2(node.p95 / r.p95)} | ${c ? f1(c.median) : '-'} | ${c ? f2(nodeCpu.median / c.median) : '-'} |`,
    );
  });
  out.push('');
  out.push('| whole corpus, one run | unit | n | median ms | p95 ms | node oracle median / this | node p95 / this | node in-process median / this |');
  out.push('|---|---|---:|---:|---:|---:|---:|---:|');
  for (const r of wholeRows)
    out.push(`| ${r.what} | ${r.unit} | ${r.n} | ${f1(r.median)} | ${f1(r.p95)} | ${f2(node.median / r.median)} | ${f2(node.p95 / r.p95)} | ${f2(median(inProcess) / r.median)} |`);
  const statuses = {};
  for (const [, v] of seen) for (const s of v.statuses) statuses[s] = (statuses[s] || 0) + 1;
  const siteStatuses = {};
  for (const [, v] of siteSeen) siteStatuses[v] = (siteStatuses[v] || 0) + 1;
  const nodeLabels = {};
  for (const [, v] of nodeSeen) nodeLabels[v] = (nodeLabels[v] || 0) + 1;
  const fmt = (o) => Object.entries(o).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
  const loadEnd = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const version = timed(LL, ['--version']).stdout.trim();
  const notes = [
    `command: ${o.command}`,
    `leaklint: ${LL} (${version}); node ${process.version}; ${os.cpus().length} CPUs (${os.cpus()[0].model.trim()})`,
    `files: ${o.examples.length} from examples/ and ${o.cases.length} oracle cases; ${o.reps} repetitions, medians per file`,
    `check --confirm verdicts (rep 1): ${fmt(statuses)}; confirm by site: ${fmt(siteStatuses)}; node labels: ${fmt(nodeLabels)}`,
    `node oracle inside its process (its own "ms", no process start): median ${f1(median(inProcess))} ms, p95 ${f1(pctile(inProcess, 95))} ms per case`,
    `load (1, 5, 15 min) at start: ${loadStart}; at end: ${loadEnd}`,
  ];
  if (trouble.length) notes.push(`TROUBLE: ${[...new Set(trouble)].join('; ')}`);
  process.stdout.write(out.join('\n') + '\n\n' + notes.map((n) => `- ${n}`).join('\n') + '\n');
  fs.writeFileSync(
    path.join(cache, 'results.json'),
    JSON.stringify({ rows, cpuRows, wholeRows, notes, trouble, statuses, siteStatuses, nodeLabels, reps: o.reps, jobs: o.jobs }, null, 2) + '\n',
  );
  return trouble.length ? 1 : 0;
}

process.exit(main());
