#!/usr/bin/env node
// Compares leaklint's confirmation with the Node oracle on every oracle case
// (run by tests/oracle/run.sh, which checks the set-up first).
//
//   node tests/oracle/compare.js --leaklint BIN [--node-only] [-j N]
//        [--json OUT] CASE.js...
//
// For each case: Node's label (node-oracle.js, one child process per case),
// the header's `expect`, leaklint's pipeline verdict (`check --confirm
// --format json CASE`: leaks iff some finding is confirmed) and its runtime
// verdict (`confirm CASE:LINE:COL --rule RULE --format json`: leaks iff
// confirmed). Prints a table and the figures; exits 1 unless every Node label
// equals `expect`, the runtime's agreement over all cases and the pipeline's
// over the cases whose site the static rule flags (where it gives a verdict)
// are >= 95%, and nothing Node calls a leak is refuted (by the runtime, or by
// the pipeline at the case's site). The pipeline's agreement over all cases
// (static recall included) is printed too.
'use strict';

const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');

const BAR = 0.95;
const LEAKLINT_TIMEOUT_MS = 120000;

function parseArgs(argv) {
  const o = { leaklint: null, nodeOnly: false, jobs: 2, json: null, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--leaklint') o.leaklint = argv[++i];
    else if (a === '--node-only') o.nodeOnly = true;
    else if (a === '-j' || a === '--jobs') o.jobs = Number(argv[++i]);
    else if (a === '--json') o.json = argv[++i];
    else o.files.push(a);
  }
  return o;
}

function header(file) {
  const first = fs.readFileSync(file, 'utf8').split('\n', 1)[0];
  const h = {};
  const m = /^\/\/ oracle: (.*)$/.exec(first);
  if (!m) return null;
  const re = /(\w+)=(new \S+|\S+)/g;
  let kv;
  while ((kv = re.exec(m[1]))) h[kv[1]] = kv[2];
  return h;
}

// Runs a command; resolves { code, signal, stdout, stderr, ms }.
function run(cmd, args, timeoutMs) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: -1, signal: null, stdout, stderr: String(e), ms: 0 });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Number((process.hrtime.bigint() - t0) / 1000n) / 1000 });
    });
  });
}

function firstLine(s) {
  return String(s).trim().split('\n').filter(Boolean).slice(-1)[0] || '';
}

async function pipelineVerdict(bin, file, h) {
  const r = await run(bin, ['check', '--confirm', '--format', 'json', file], LEAKLINT_TIMEOUT_MS);
  if (r.code !== 0 && r.code !== 1) {
    return { verdict: 'error', error: `exit ${r.signal || r.code}: ${firstLine(r.stderr)}`, ms: r.ms };
  }
  let j;
  try {
    j = JSON.parse(r.stdout);
  } catch {
    return { verdict: 'error', error: 'output is not JSON', ms: r.ms };
  }
  const findings = Array.isArray(j.findings) ? j.findings : [];
  const [line, col] = h.site.split(':').map(Number);
  const statuses = findings.map((f) => ({
    rule: f.rule,
    line: f.line,
    column: f.column,
    status: f.confirm ? f.confirm.status : 'absent',
    atSite: f.rule === h.rule && f.line === line && f.column === col,
  }));
  const confirmed = statuses.some((s) => s.status === 'confirmed');
  const atSite = statuses.find((s) => s.atSite);
  return {
    verdict: confirmed ? 'leaks' : 'no-leak',
    findings: statuses,
    flagged: findings.length > 0,
    siteStatus: atSite ? atSite.status : 'not-flagged',
    ms: r.ms,
  };
}

// `confirm` picks its own entry (the innermost function around the site);
// when it accepts --entry, it is given the header's entry, as Node is.
let confirmHasEntry = null;
async function runtimeVerdict(bin, file, h) {
  if (confirmHasEntry === null) {
    const help = await run(bin, ['confirm', '--help'], LEAKLINT_TIMEOUT_MS);
    confirmHasEntry = /--entry\b/.test(help.stdout + help.stderr);
  }
  const args = ['confirm', `${file}:${h.site}`, '--rule', h.rule, '--format', 'json'];
  if (confirmHasEntry) args.push('--entry', h.entry);
  const r = await run(bin, args, LEAKLINT_TIMEOUT_MS);
  let j = null;
  try {
    j = JSON.parse(r.stdout);
  } catch {
    /* below */
  }
  if (!j || !j.confirm || r.code === 2 || r.signal) {
    return { verdict: 'error', status: 'error', error: `exit ${r.signal || r.code}: ${firstLine(r.stderr) || 'no JSON'}`, ms: r.ms };
  }
  const c = j.confirm;
  return {
    verdict: c.status === 'confirmed' ? 'leaks' : 'no-leak',
    status: c.status,
    entry: c.entry,
    samples: ((c.evidence && c.evidence.samples) || []).map((x) => (x && typeof x === 'object' ? x.value : x)),
    reason: c.reason,
    ms: r.ms,
  };
}

async function pool(items, jobs, fn) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, worker));
  return out;
}

function figures(rows, key) {
  let tp = 0, fp = 0, fn = 0, tn = 0, agree = 0, errors = 0;
  for (const r of rows) {
    const v = r[key].verdict;
    if (v === 'error') errors++;
    const leaks = v === 'leaks';
    const truth = r.node.label === 'leaks';
    if (leaks === truth && v !== 'error') agree++;
    if (leaks && truth) tp++;
    else if (leaks && !truth) fp++;
    else if (!leaks && truth) fn++;
    else tn++;
  }
  const n = rows.length;
  return {
    n, agree, agreement: n ? agree / n : 0,
    precision: tp + fp ? tp / (tp + fp) : 1,
    recall: tp + fn ? tp / (tp + fn) : 1,
    tp, fp, fn, tn, errors,
  };
}

const pct = (x) => (100 * x).toFixed(1) + '%';
const pad = (s, n) => String(s).padEnd(n);

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (!o.files.length || (!o.nodeOnly && !o.leaklint)) {
    process.stderr.write('usage: compare.js --leaklint BIN [--node-only] [-j N] [--json OUT] CASE.js...\n');
    return 2;
  }
  const files = o.files.map((f) => path.relative(process.cwd(), path.resolve(f)));
  const headers = files.map(header);
  const bad = files.filter((f, i) => !headers[i] || !headers[i].rule || !headers[i].site);
  if (bad.length) {
    process.stderr.write(`compare: no valid '// oracle:' header in ${bad.join(', ')}\n`);
    return 2;
  }

  // The site must point at the acquisition (see README.md), or leaklint's
  // `confirm` would measure something else than Node does.
  const siteText = (f, h) => {
    const [line, col] = h.site.split(':').map(Number);
    return (fs.readFileSync(f, 'utf8').split('\n')[line - 1] || '').slice(col - 1);
  };
  const SITE = {
    'no-uncleared-interval': /^(?:[\w$]+\.)*(?:setInterval|setTimeout|requestAnimationFrame)\s*\(/,
    // an add, or a removal that fails to remove (the static rule reports
    // those too; the driver runs the method that adds first)
    'no-unremoved-listener': /^[\w$.]*?(?:addEventListener|on|once|addListener|prependListener|prependOnceListener|removeEventListener|removeListener|off)\s*\(/,
    'no-implicit-global': /^(?:Object\.assign\s*\(\s*this\b|(?:this|globalThis|window|self)\s*[.[]|[A-Za-z_$][\w$]*\s*(?:[-+*/%&|^]?=[^=]|\+\+|--|\s+(?:in|of)\s))/,
  };
  const badSites = files.filter((f, i) => SITE[headers[i].rule] && !SITE[headers[i].rule].test(siteText(f, headers[i])));
  if (badSites.length) {
    for (const f of badSites) {
      const h = headers[files.indexOf(f)];
      process.stderr.write(`compare: ${f}: site=${h.site} does not point at a ${h.rule} acquisition: '${siteText(f, h).slice(0, 40)}'\n`);
    }
    return 1;
  }

  // Node first: every case in a child process of its own.
  const t0 = Date.now();
  const oracle = await run(process.execPath,
    [path.join(__dirname, 'node-oracle.js'), '-j', String(o.jobs), ...files], 30 * 60 * 1000);
  const nodeByCase = new Map();
  for (const line of oracle.stdout.split('\n')) {
    if (!line.trim()) continue;
    try {
      const r = JSON.parse(line);
      nodeByCase.set(r.case, r);
    } catch {
      /* ignore */
    }
  }
  const nodeMs = Date.now() - t0;
  process.stderr.write(`[oracle] node: ${files.length} cases in ${(nodeMs / 1000).toFixed(1)} s\n`);

  const rows = files.map((f, i) => ({
    case: f,
    h: headers[i],
    node: nodeByCase.get(f) || { label: 'error', error: 'no result from node-oracle.js', samples: [] },
  }));

  if (!o.nodeOnly) {
    const t1 = Date.now();
    await pool(rows, o.jobs, async (r) => {
      r.pipeline = await pipelineVerdict(o.leaklint, r.case, r.h);
      r.runtime = await runtimeVerdict(o.leaklint, r.case, r.h);
    });
    process.stderr.write(`[oracle] leaklint: ${files.length} cases in ${((Date.now() - t1) / 1000).toFixed(1)} s\n`);
  }

  // ---- Table ----
  const name = (f) => path.basename(f, '.js');
  const w = Math.max(...rows.map((r) => name(r.case).length), 4) + 1;
  const lines = [];
  lines.push(
    pad('case', w) + pad('rule', 22) + pad('expect', 8) + pad('node', 8) + pad('node samples', 15) +
      (o.nodeOnly ? '' : pad('pipeline', 22) + pad('runtime', 14) + pad('rt samples', 15) + 'runtime entry'),
  );
  for (const r of rows) {
    const marks = [];
    if (r.node.label !== r.h.expect) marks.push('EXPECT');
    let s =
      pad(name(r.case), w) + pad(r.h.rule, 22) + pad(r.h.expect, 8) + pad(r.node.label, 8) +
      pad(JSON.stringify(r.node.samples || []), 15);
    if (!o.nodeOnly) {
      const p = r.pipeline;
      const pv = p.verdict === 'error' ? 'error' : `${p.verdict === 'leaks' ? 'leaks' : 'no-leak'} (${p.siteStatus})`;
      const rt = r.runtime;
      s += pad(pv, 22) + pad(rt.status, 14) + pad(JSON.stringify(rt.samples || []), 15) + (rt.entry || '');
      if (p.verdict !== r.node.label) marks.push('PIPELINE');
      if (rt.verdict !== r.node.label) marks.push('RUNTIME');
      if (r.node.label === 'leaks' && rt.status === 'refuted') marks.push('REFUTED-LEAK(rt)');
      if (r.node.label === 'leaks' && p.siteStatus === 'refuted') marks.push('REFUTED-LEAK(pipeline)');
    }
    if (marks.length) s += '  <- ' + marks.join(' ');
    lines.push(s);
  }
  process.stdout.write(lines.join('\n') + '\n\n');

  // ---- Figures ----
  const count = (pred) => rows.filter(pred).length;
  const byRule = {};
  for (const r of rows) {
    const k = r.h.rule;
    byRule[k] = byRule[k] || { leaks: 0, 'no-leak': 0 };
    byRule[k][r.h.expect]++;
  }
  process.stdout.write(`cases: ${rows.length}\n`);
  for (const [rule, c] of Object.entries(byRule)) {
    process.stdout.write(`  ${pad(rule, 22)} ${c.leaks} leaks, ${c['no-leak']} no-leak\n`);
  }
  const expectMismatch = rows.filter((r) => r.node.label !== r.h.expect);
  process.stdout.write(`node labels equal to expect: ${rows.length - expectMismatch.length}/${rows.length}\n`);
  for (const r of expectMismatch) {
    process.stdout.write(`  ${r.case}: node says ${r.node.label}, expect ${r.h.expect}${r.node.error ? ' (' + r.node.error + ')' : ''}\n`);
  }
  let ok = expectMismatch.length === 0;
  const result = { cases: rows.length, byRule, nodeMs, expectMismatches: expectMismatch.map((r) => r.case) };

  if (!o.nodeOnly) {
    const fp = figures(rows, 'pipeline');
    const fr = figures(rows, 'runtime');
    // Static alone, for reference: leaks iff the rule reports the case's site.
    for (const r of rows) r.static = { verdict: r.pipeline.siteStatus === 'not-flagged' ? 'no-leak' : 'leaks' };
    const fs_ = figures(rows, 'static');
    const show = (label, f) =>
      process.stdout.write(
        `${pad(label, 34)} agreement ${f.agree}/${f.n} = ${pct(f.agreement)}   precision ${pct(f.precision)}   recall ${pct(f.recall)}   (tp ${f.tp}, fp ${f.fp}, fn ${f.fn}, tn ${f.tn}${f.errors ? ', errors ' + f.errors : ''})\n`,
      );
    // The confirmation verdicts the pipeline gave: cases whose site the
    // static rule flags (elsewhere no confirmation runs; that recall is the
    // static rules', reported by the line above and below).
    const fpv = figures(rows.filter((r) => r.pipeline.siteStatus !== 'not-flagged'), 'pipeline');
    show('pipeline (check --confirm)', fp);
    show('pipeline, flagged sites only', fpv);
    show('runtime (confirm FILE:LINE:COL)', fr);
    show('static only (site reported), ref.', fs_);
    const status = {};
    for (const r of rows) status[r.runtime.status] = (status[r.runtime.status] || 0) + 1;
    process.stdout.write(`runtime statuses: ${Object.entries(status).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
    const refutedLeaks = rows.filter(
      (r) => r.node.label === 'leaks' && (r.runtime.status === 'refuted' || r.pipeline.siteStatus === 'refuted'),
    );
    process.stdout.write(`refuted where node says leaks: ${refutedLeaks.length}${refutedLeaks.length ? ' (' + refutedLeaks.map((r) => name(r.case)).join(', ') + ')' : ''}\n`);
    const errs = rows.filter((r) => r.pipeline.verdict === 'error' || r.runtime.verdict === 'error');
    for (const r of errs) {
      process.stdout.write(`  leaklint error on ${r.case}: ${r.pipeline.error || ''} ${r.runtime.error || ''}\n`);
    }
    const pass = (b) => (b ? 'PASS' : 'FAIL');
    process.stdout.write(`\nbar: verdicts on flagged sites >= ${pct(BAR)}: ${pass(fpv.agreement >= BAR)}; runtime agreement >= ${pct(BAR)}: ${pass(fr.agreement >= BAR)}; no refuted leak: ${pass(!refutedLeaks.length)}; node labels = expect: ${pass(ok)}\n`);
    ok = ok && fpv.agreement >= BAR && fr.agreement >= BAR && !refutedLeaks.length;
    Object.assign(result, { pipeline: fp, pipelineFlagged: fpv, runtime: fr, static: fs_, refutedLeaks: refutedLeaks.map((r) => r.case) });
  } else {
    process.stdout.write(`\nbar: node labels = expect: ${ok ? 'PASS' : 'FAIL'} (leaklint not run: --node-only)\n`);
  }
  if (o.json) {
    result.rows = rows.map((r) => ({ case: r.case, header: r.h, node: r.node, pipeline: r.pipeline, runtime: r.runtime }));
    fs.writeFileSync(o.json, JSON.stringify(result, null, 2) + '\n');
  }
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`compare: ${e.stack || e}\n`);
    process.exit(2);
  },
);
