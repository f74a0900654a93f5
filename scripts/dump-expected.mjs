// Writes a candidate <case>.expected.json beside a fixture, for a person to check against the document
// row by row before committing it. Usage: node scripts/dump-expected.mjs fixtures/text/000-london.txt
import { readFileSync, writeFileSync } from 'node:fs';
import { readPlan } from '../dist/read/index.js';

for (const path of process.argv.slice(2)) {
  const { document } = await readPlan({ path, bytes: readFileSync(path) });
  const { plan, recommendations, diagnostics } = document;
  const out = path.replace(/\.[^.]+$/, '.expected.json');
  writeFileSync(out, `${JSON.stringify({ plan, recommendations, diagnostics }, null, 2)}\n`);
  console.log(`wrote ${out}: ${recommendations.length} recommendations`);
}
