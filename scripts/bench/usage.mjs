// Preloaded with `node --import` into a measured process: at exit, writes the process's peak resident set size in
// kilobytes and its CPU time in seconds (its worker threads included: they share the process) to
// BENCH_USAGE_FILE.<pid>. Worker processes forked by plancheck inherit the preload and write their own file;
// run.mjs adds them up.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env.BENCH_USAGE_FILE;
if (file && isMainThread) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(`${file}.${process.pid}`, JSON.stringify({ maxRssKb: usage.maxRSS, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 }));
  });
}
