// json-check.js FILE EXPRESSION...: evaluates each JavaScript expression with `log` bound to
// the parsed JSON of FILE (and `run` to log.runs[0] when there is one); prints every
// expression that is not truthy and exits 1 if any.
'use strict';
const fs = require('fs');
const [file, ...exprs] = process.argv.slice(2);
const log = JSON.parse(fs.readFileSync(file, 'utf8'));
const run = log && Array.isArray(log.runs) ? log.runs[0] : undefined;
const results = run && Array.isArray(run.results) ? run.results : [];
let failed = 0;
for (const e of exprs) {
  let ok;
  try {
    ok = new Function('log', 'run', 'results', `return (${e});`)(log, run, results);
  } catch (err) {
    ok = false;
    console.error(`${file}: ${e}: ${err.message}`);
  }
  if (!ok) {
    console.error(`${file}: not true: ${e}`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
