// npm run bench: build a corpus of plan files from the fixtures in a temporary directory and time, in one run,
// plancheck convert with one job and with one job per core, the pdfjs getTextContent floor on the same PDFs (in
// one process, and split over one process per core), pdftotext -layout where it is installed, and one plan
// validated end to end; then print the figures the speed targets are about, each against its target. Options:
//   --files N   corpus size (at least 300; default 320)      --runs N   keep the best of N runs (default 1)
//   --grow      also convert a corpus four times as large, to show that memory stays flat
//   --bin PATH  the plancheck to measure (default bin/plancheck.js)      --keep   keep the temporary directory
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '../..');
const USAGE_HOOK = path.join(import.meta.dirname, 'usage.mjs');
const FLOOR = path.join(import.meta.dirname, 'floor.mjs');
const FIXTURE_DIRS = ['fixtures/text', 'fixtures/plans', 'fixtures/pdf', 'fixtures/html', 'fixtures/docx'];
const FORMAT_OF = { '.pdf': 'pdf', '.docx': 'docx', '.html': 'html', '.htm': 'html', '.txt': 'text' };
const AREAS = ['london', 'wales', 'north-east', 'kent-surrey-sussex', 'yorkshire', 'midlands', 'south-west'];

const { values: flags } = parseArgs({
  options: {
    files: { type: 'string', default: '320' },
    runs: { type: 'string', default: '1' },
    grow: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    bin: { type: 'string', default: path.join(ROOT, 'bin/plancheck.js') },
  },
});
const BIN = path.resolve(flags.bin);
const wanted = Math.max(300, Number(flags.files));
const runs = Math.max(1, Number(flags.runs));
const cores = availableParallelism();

if (!existsSync(path.join(path.dirname(BIN), '../dist/bundle/plancheck.cjs'))) {
  console.error('bench: dist/ is missing: run npm run build first');
  process.exit(1);
}
const work = mkdtempSync(path.join(tmpdir(), 'plancheck-bench-'));
try {
  await bench();
} catch (err) {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  if (flags.keep) console.log(`\nkept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

async function bench() {
  const { readable, skipped } = readableFixtures();
  if (readable.length === 0) throw new Error('no fixture plan that plancheck can read');
  const corpus = path.join(work, 'corpus');
  const files = buildCorpus(readable, corpus, wanted);
  const pdfs = files.filter((f) => f.format === 'pdf').map((f) => f.file);
  const byFormat = countBy(files, (f) => f.format);

  console.log(`plancheck bench: ${files.length} files (${Object.entries(byFormat).map(([k, v]) => `${k} ${v}`).join(', ')}) from ${readable.length} fixtures`);
  console.log(`machine: ${cores} cores (${cpus()[0]?.model.trim() ?? 'unknown cpu'}), Node ${process.version}, load average ${loadLine()}`);
  for (const s of skipped) console.log(`left out: ${s.file} (${s.reason})`);
  console.log('');

  const rows = [];
  const targets = [];
  if (pdfs.length > 0) {
    // The floor, the floor split over one process per core, and the conversions compared with them take turns,
    // run after run, so that a change in the machine's load during the benchmark falls on all of them alike.
    const [floor, plain, parallel, ...converts] = await bestInTurn([
      () => timed('pdfjs floor', [FLOOR, ...pdfs]),
      () => timed('pdfjs floor, plain import', [FLOOR, '--plain', ...pdfs]),
      ...(cores > 1 ? [() => floorInParallel(pdfs)] : []),
      ...unique([1, cores]).map(
        (jobs) => () => timed(`convert PDFs --jobs ${jobs}`, [BIN, 'convert', path.join(corpus, 'pdf'), '-o', path.join(work, `out-pdf-${jobs}`), '--jobs', String(jobs)]),
      ),
    ]);
    const pages = JSON.parse(floor.stdout).pages;
    const pdfRow = (run) => ({ ...run, files: pdfs.length, pages, vsFloor: run.seconds / floor.seconds });
    rows.push(pdfRow(floor), pdfRow(plain));
    if (cores > 1) rows.push(pdfRow(parallel));
    else converts.unshift(parallel);
    const poppler = pdftotext(pdfs);
    if (poppler) rows.push(pdfRow(poppler));
    rows.push(...converts.map(pdfRow));
    const one = converts[0];
    targets.push(
      `one job over the PDFs: ${(one.seconds / floor.seconds).toFixed(2)}x the floor's wall time, ${(one.cpuSeconds / floor.cpuSeconds).toFixed(2)}x its CPU time ` +
        `(least of each over the runs: ${(one.leastCpu / floor.leastCpu).toFixed(2)}x, ${one.leastCpu.toFixed(2)} s against ${floor.leastCpu.toFixed(2)} s, ` +
        `of which the main process ${one.leastMainCpu.toFixed(2)} s) (target: 1.20x or less); ` +
        `against the floor with pdfjs-dist imported as it comes (no code cache, its canvas package and slower natives): ${(one.seconds / plain.seconds).toFixed(2)}x`,
    );
    if (cores > 1) {
      const ceiling = floor.seconds / parallel.seconds;
      const speedup = one.seconds / converts[1].seconds;
      targets.push(
        `--jobs ${cores} over the PDFs: ${speedup.toFixed(2)}x as fast as --jobs 1; ${cores} floor processes side by side: ${ceiling.toFixed(2)}x as fast as one; ` +
          `ratio ${(speedup / ceiling).toFixed(2)} (target: 0.90 or more)`,
      );
    }
  }
  const [...alls] = await bestInTurn(
    unique([1, cores]).map((jobs) => () => timed(`convert all --jobs ${jobs}`, [BIN, 'convert', corpus, '-o', path.join(work, `out-all-${jobs}`), '--jobs', String(jobs)])),
  );
  rows.push(...alls.map((run) => ({ ...run, files: files.length })));
  const [validated] = await bestInTurn([() => timed(`validate all --jobs ${cores}`, [BIN, 'validate', corpus, '--format', 'json', '--jobs', String(cores)], [0, 1])]);
  rows.push({ ...validated, files: files.length });
  if (flags.grow) {
    const big = buildCorpus(readable, path.join(work, 'corpus-x4'), files.length * 4);
    rows.push({ ...(await timed(`convert all x4 --jobs ${cores}`, [BIN, 'convert', path.join(work, 'corpus-x4'), '-o', path.join(work, 'out-x4'), '--jobs', String(cores)])), files: big.length });
  }
  printTable(rows);
  if (alls.length > 1) console.log(`\nspeed-up from --jobs 1 to --jobs ${cores} on all formats: ${(alls[0].seconds / alls[1].seconds).toFixed(2)}x`);
  targets.push(await singleFile(readable));
  console.log(`\nagainst the targets (best of ${runs} run${runs === 1 ? '' : 's'}, each figure measured side by side with what it is compared with):`);
  for (const line of targets) console.log(`- ${line}`);
  console.log(`load average at the end: ${loadLine()}`);
}

/** The fixture plans, each checked once by converting it: files plancheck cannot read yet are left out. */
function readableFixtures() {
  const found = FIXTURE_DIRS.flatMap((dir) => {
    const abs = path.join(ROOT, dir);
    if (!existsSync(abs)) return [];
    return readdirSync(abs)
      .filter((name) => FORMAT_OF[path.extname(name).toLowerCase()])
      .map((name) => path.join(abs, name));
  });
  const all = [...new Set(found)].sort();
  const check = spawnSync(process.execPath, [BIN, 'convert', ...all, '-o', path.join(work, 'check'), '--jobs', String(cores)], { encoding: 'utf8' });
  const reasons = new Map();
  for (const line of check.stderr.split('\n')) {
    const hit = /^plancheck: (.+?): (.+)$/.exec(line);
    if (hit) reasons.set(path.resolve(ROOT, hit[1]), hit[2]);
  }
  return {
    readable: all.filter((f) => !reasons.has(f)).map((file) => ({ file, format: FORMAT_OF[path.extname(file).toLowerCase()] })),
    skipped: all.filter((f) => reasons.has(f)).map((f) => ({ file: path.relative(ROOT, f), reason: reasons.get(f) })),
  };
}

/**
 * Copy fixtures into `dir` until it holds `count` files: formats taken in turn so each is equally present, under
 * format/area folders, with names that vary (years, numbers, now and then spaces and brackets).
 */
function buildCorpus(fixtures, dir, count) {
  const groups = Object.values(groupBy(fixtures, (f) => f.format));
  const files = [];
  for (let i = 0; files.length < count; i++) {
    const group = groups[i % groups.length];
    const source = group[Math.floor(i / groups.length) % group.length];
    const area = AREAS[i % AREAS.length];
    const stem = path.basename(source.file).replace(/\.(chromium\.)?[a-z]+$/i, '');
    const ext = source.format === 'html' && i % 5 === 0 ? '.htm' : path.extname(source.file);
    const year = 2019 + (i % 6);
    const name = i % 10 === 3 ? `${area} action plan (${year}) ${stem} ${i}${ext}` : `${year}-${stem}-${String(i).padStart(4, '0')}${ext}`;
    const target = path.join(dir, source.format, area, name);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(source.file, target);
    files.push({ file: target, format: source.format });
  }
  return files;
}

/**
 * Run node on `args` with the usage hook: wall time from spawn to exit, CPU time and peak RSS of the process and
 * of every worker process it forked.
 */
function timed(label, args, okCodes = [0]) {
  const usageFile = path.join(work, `usage-${process.hrtime.bigint()}`);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', USAGE_HOOK, ...args], {
      cwd: work,
      env: { ...process.env, BENCH_USAGE_FILE: usageFile, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.on('error', reject);
    child.on('close', async (code) => {
      const seconds = (performance.now() - started) / 1000;
      // plancheck does not wait for its idle workers to wind down: give them a moment to write their usage.
      await new Promise((done) => setTimeout(done, 300));
      const stderr = Buffer.concat(err).toString('utf8');
      if (!okCodes.includes(code ?? -1)) reject(new Error(`${label} exited with ${code}:\n${stderr.split('\n').slice(0, 10).join('\n')}`));
      else resolve({ label, seconds, ...readUsage(usageFile, child.pid), stdout: Buffer.concat(out).toString('utf8') });
    });
  });
}

/**
 * The usage files a run's processes wrote: CPU time added up (and the main process's own, `mainPid`'s), peak RSS
 * added up (an upper bound for the tree).
 */
function readUsage(file, mainPid) {
  const prefix = `${path.basename(file)}.`;
  const found = readdirSync(path.dirname(file)).filter((name) => name.startsWith(prefix));
  if (found.length === 0) return { cpuSeconds: NaN, mainCpuSeconds: NaN, rssMb: NaN, processes: 0 };
  const usages = found.map((name) => ({ main: name === `${prefix}${mainPid}`, ...JSON.parse(readFileSync(path.join(path.dirname(file), name), 'utf8')) }));
  return {
    cpuSeconds: usages.reduce((n, u) => n + u.cpuSeconds, 0),
    mainCpuSeconds: usages.find((u) => u.main)?.cpuSeconds ?? NaN,
    rssMb: usages.reduce((n, u) => n + u.maxRssKb, 0) / 1024,
    processes: usages.length,
  };
}

/** The floor split over one process per core, all started at once: how much faster this machine can go at all. */
async function floorInParallel(pdfs) {
  const chunks = Array.from({ length: cores }, (_, k) => pdfs.filter((_, i) => i % cores === k));
  const started = performance.now();
  const runs = await Promise.all(chunks.map((chunk, k) => timed(`floor part ${k}`, [FLOOR, ...chunk])));
  return {
    label: `pdfjs floor, ${cores} processes at once`,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: runs.reduce((n, u) => n + u.cpuSeconds, 0),
    rssMb: runs.reduce((n, u) => n + u.rssMb, 0),
  };
}

/** `pdftotext -layout` on each PDF, one process per file as it is used; null when poppler-utils is absent. */
function pdftotext(pdfs) {
  if (spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).error) {
    console.log('pdftotext not installed (apt-get install poppler-utils): its row is left out\n');
    return null;
  }
  const gnuTime = existsSync('/usr/bin/time');
  return best(() => {
    let rssKb = 0;
    let cpuSeconds = 0;
    const started = performance.now();
    for (const pdf of pdfs) {
      const run = gnuTime
        ? spawnSync('/usr/bin/time', ['-f', '%M %U %S', 'pdftotext', '-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 })
        : spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
      if (run.status !== 0) throw new Error(`pdftotext failed on ${pdf}: ${run.stderr}`);
      if (gnuTime) {
        const [rss, user, sys] = run.stderr.trim().split('\n').at(-1).split(' ').map(Number);
        rssKb = Math.max(rssKb, rss);
        cpuSeconds += user + sys;
      }
    }
    return { label: 'pdftotext -layout', seconds: (performance.now() - started) / 1000, cpuSeconds: gnuTime ? cpuSeconds : NaN, rssMb: gnuTime ? rssKb / 1024 : NaN };
  });
}

/**
 * One plan validated end to end, process start to exit, as a user runs it: the PDF nearest 12 pages, else the
 * largest fixture; nine runs, each followed by the floor on the same file, so that both see the same load.
 * Returns the line that compares the median with its target.
 */
async function singleFile(fixtures) {
  const pdfs = fixtures.filter((f) => f.format === 'pdf');
  const pick = pdfs.length > 0 ? largestBy(pdfs, (f) => -Math.abs(pdfPages(f.file) - 12)) : largestBy(fixtures, (f) => statSync(f.file).size);
  const plan = [];
  const floor = [];
  for (let i = 0; i < 9; i++) {
    plan.push(await timed(`validate ${pick.file}`, [BIN, 'validate', pick.file], [0, 1]));
    if (pick.format === 'pdf') floor.push(await timed('floor', [FLOOR, pick.file]));
  }
  const median = (runs, key) => runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  const pages = pick.format === 'pdf' ? `, ${pdfPages(pick.file)} pages` : '';
  const best = Math.min(...plan.map((r) => r.seconds));
  console.log(
    `\nvalidate one plan, process start to exit (${path.relative(ROOT, pick.file)}${pages}): median ${median(plan, 'seconds').toFixed(3)} s, ` +
      `best ${best.toFixed(3)} s, median CPU ${median(plan, 'cpuSeconds').toFixed(3)} s` +
      (floor.length > 0 ? `; the floor on the same file between them: median ${median(floor, 'seconds').toFixed(3)} s, CPU ${median(floor, 'cpuSeconds').toFixed(3)} s` : ''),
  );
  return `one plan validated: median ${median(plan, 'seconds').toFixed(3)} s from process start to exit (target: 0.400 s or less)` +
    (floor.length > 0 ? `; ${(median(plan, 'seconds') / median(floor, 'seconds')).toFixed(2)}x the floor on the same file` : '');
}

function pdfPages(file) {
  const run = spawnSync(process.execPath, [FLOOR, file], { encoding: 'utf8' });
  return run.status === 0 ? JSON.parse(run.stdout).pages : 0;
}

function printTable(rows) {
  const header = ['run', 'files', 'pages', 'wall s', 'cpu s', 'files/s', 'pages/s', 'peak RSS MB', 'x floor'];
  const fixed = (n, digits) => (Number.isNaN(n) ? '-' : n.toFixed(digits));
  const body = rows.map((r) => [
    r.label,
    String(r.files),
    r.pages ? String(r.pages) : '-',
    fixed(r.seconds, 2),
    fixed(r.cpuSeconds, 2),
    fixed(r.files / r.seconds, 1),
    r.pages ? fixed(r.pages / r.seconds, 1) : '-',
    fixed(r.rssMb, 0),
    r.vsFloor === undefined ? '' : `${r.vsFloor.toFixed(2)}x`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  console.log(line(header));
  for (const b of body) console.log(line(b));
  console.log('pages: of the PDFs; x floor: wall time over the pdfjs floor (pdfjs loaded as the reader loads it: code cache, zlib inflate) on the same PDFs;\ncpu s: user + system time of all threads of the process and of the worker processes it forked;\npeak RSS: the process and each worker process, added up (an upper bound: they need not peak at once)');
}

/**
 * Each measure (async) run `runs` times, taking turns; the fastest run of each, in the order given, with the least
 * CPU time any of its runs took (`leastCpu`, and `leastMainCpu` of the main process alone): on a busy machine the
 * fastest run need not be the one that used the least CPU.
 */
async function bestInTurn(measures) {
  const winners = measures.map(() => null);
  const least = measures.map(() => ({ leastCpu: Infinity, leastMainCpu: Infinity }));
  for (let i = 0; i < runs; i++) {
    for (const [k, measure] of measures.entries()) {
      const run = await measure();
      least[k].leastCpu = Math.min(least[k].leastCpu, run.cpuSeconds);
      least[k].leastMainCpu = Math.min(least[k].leastMainCpu, run.mainCpuSeconds ?? NaN);
      if (!winners[k] || run.seconds < winners[k].seconds) winners[k] = run;
    }
  }
  return winners.map((winner, k) => ({ ...winner, ...least[k] }));
}

function best(measure) {
  let winner = null;
  for (let i = 0; i < runs; i++) {
    const run = measure();
    if (!winner || run.seconds < winner.seconds) winner = run;
  }
  return winner;
}

function loadLine() {
  return loadavg().map((n) => n.toFixed(2)).join(' ');
}

function groupBy(items, key) {
  const groups = {};
  for (const item of items) (groups[key(item)] ??= []).push(item);
  return groups;
}

function countBy(items, key) {
  return Object.fromEntries(Object.entries(groupBy(items, key)).map(([k, v]) => [k, v.length]));
}

function largestBy(items, size) {
  return items.map((item) => ({ item, size: size(item) })).sort((a, b) => b.size - a.size)[0].item;
}

function unique(values) {
  return [...new Set(values)];
}
