// Reads the log that `sarif-multitool validate -o LOG` wrote about one SARIF
// file and decides pass or fail (the validator's exit code is 0 even when it
// finds errors, so it cannot be trusted).
//
//   node check.js NAME LOG strict|lenient
//
// Fails on any error result or error notification. In strict mode (our own
// hand-made sample) any warning fails too, except those in ALLOWED below.
// Also fails when the validator reported nothing at all: it always has notes
// for a log it really read (SARIF2003, SARIF2013, ...), and it says nothing
// for one it could not deserialise (e.g. an unknown enum value).
'use strict';
const fs = require('fs');

const ALLOWED = {
  // informationUri must be an absolute URI; leaklint has no public home yet,
  // so it is left out rather than made up.
  SARIF2005: 'no informationUri',
};

const [name, logPath, mode] = process.argv.slice(2);
const log = JSON.parse(fs.readFileSync(logPath, 'utf8'));
const run = (log.runs || [])[0] || {};
const results = run.results || [];
const rules = ((run.tool || {}).driver || {}).rules || [];
let failed = 0;

// The validator writes message ids with arguments; format them as it would.
function messageText(r) {
  const m = r.message || {};
  if (m.text) return m.text;
  const rule = rules.find((x) => x.id === r.ruleId) || {};
  const fmt = ((rule.messageStrings || {})[m.id] || {}).text;
  const args = m.arguments || [];
  if (!fmt) return args.join(' | ');
  return fmt.replace(/\{(\d+)\}/g, (_, i) => args[Number(i)] ?? '');
}
const counts = { error: 0, warning: 0, note: 0 };

for (const r of results) {
  const level = r.level || 'warning'; // SARIF's default level
  counts[level] = (counts[level] || 0) + 1;
  if (level === 'note') continue;
  const loc = (((r.locations || [])[0] || {}).physicalLocation || {}).region;
  const where = loc ? `(${loc.startLine},${loc.startColumn})` : '';
  const text = messageText(r);
  const allowed = level === 'warning' && mode === 'lenient' ||
                  level === 'warning' && ALLOWED[r.ruleId];
  console.log(`${name}${where}: ${level} ${r.ruleId}: ${text}` +
              (allowed ? '  [allowed]' : ''));
  if (!allowed) failed++;
}
for (const inv of run.invocations || []) {
  for (const n of inv.toolExecutionNotifications || []) {
    if ((n.level || 'warning') === 'error') {
      console.log(`${name}: validator error: ${n.message && n.message.text}`);
      failed++;
    }
  }
}
if (results.length === 0) {
  console.log(`${name}: the validator reported nothing, so it did not read ` +
              'the log (it is silent on logs it cannot deserialise)');
  failed++;
}
console.log(`${name}: ${counts.error} errors, ${counts.warning} warnings, ` +
            `${counts.note} notes: ${failed ? 'FAIL' : 'ok'}`);
process.exit(failed ? 1 : 0);
