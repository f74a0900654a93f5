// npm run fuzz: the fuzz properties of test/fuzz with many more inputs than the suite tries, from a new random
// seed each time (printed first, so that a failure can be replayed). Options:
//   --runs N    inputs per property (default 10000; the suite tries 300)
//   --seed N    replay a run instead of drawing a seed
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10000' }, seed: { type: 'string' } } });
const seed = values.seed ?? String(Math.floor(Math.random() * 2 ** 31));
console.log(`fuzz: ${values.runs} inputs per property, seed ${seed} (npm run fuzz -- --seed ${seed} replays this run)`);

// Vitest's own command (its package exports no path to it).
const vitest = path.join(path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const run = spawnSync(process.execPath, [vitest, 'run', 'test/fuzz'], {
  cwd: path.join(import.meta.dirname, '..'),
  stdio: 'inherit',
  env: { ...process.env, PLANCHECK_FUZZ_RUNS: values.runs, PLANCHECK_FUZZ_SEED: seed },
});
process.exitCode = run.status ?? 1;
