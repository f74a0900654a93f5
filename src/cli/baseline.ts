import path from 'node:path';
import type { z } from 'zod';
import type { FileResult, Finding } from '../model/result.js';
import { findingFingerprint, portablePath } from '../format/common/fingerprint.js';
import { printable } from '../format/common/printable.js';
import { writeFileAtomic } from './atomic.js';
import { CliError } from './errors.js';
import { displayPath, fsReason, STDIN_NAME } from './inputs.js';
import type { CliIo } from './io.js';
import { readSideFile } from './load.js';

/** One recorded finding: the fingerprint decides; the rest is there so a reviewer can read what was accepted. */
export interface BaselineEntry {
  ruleId: string;
  fingerprint: string;
  recommendation: string | null;
  action: number | null;
  message: string;
}

/** The baseline file: findings accepted for now, per plan path relative to the baseline file's own folder. */
export interface Baseline {
  version: 1;
  files: Record<string, BaselineEntry[]>;
}

/** The schema a baseline file is read with, built from zod once a baseline is asked for. */
function baselineSchema(z: typeof import('zod').z): z.ZodType<Baseline> {
  const entry = z.object({
    ruleId: z.string(),
    fingerprint: z.string().regex(/^[0-9a-f]{16}$/),
    recommendation: z.string().nullable(),
    action: z.number().int().positive().nullable(),
    message: z.string(),
  });
  return z.object({ version: z.literal(1), files: z.record(z.string(), z.array(entry)) });
}

/** `--baseline FILE` opened before any plan is read, so that a missing or broken file fails fast. */
export interface BaselineHandle {
  /** Drop the recorded findings from the results (after writing them all first, with `--update-baseline`). */
  apply(results: readonly FileResult[]): Promise<FileResult[]>;
}

/**
 * Check `--baseline FILE` / `--update-baseline` and read the baseline; null when no baseline was asked for.
 * Without `--update-baseline` a missing file is a usage error, since silently reporting everything would hide
 * a typo in the path.
 */
export async function openBaseline(file: string | undefined, update: boolean, io: CliIo): Promise<BaselineHandle | null> {
  if (file === undefined) {
    if (update) throw new CliError('--update-baseline needs --baseline FILE: the file to write the findings to');
    return null;
  }
  const abs = path.resolve(io.cwd, file);
  const shown = displayPath(abs, io.cwd);
  // Plan paths are kept relative to the baseline file, so the same file works whatever directory CI runs in.
  const key = (r: FileResult): string => (r.path === STDIN_NAME ? r.path : portablePath(path.relative(path.dirname(abs), path.resolve(io.cwd, r.path))));
  if (update) {
    return {
      async apply(results) {
        const baseline = buildBaseline(results, key);
        await writeFileAtomic(abs, `${JSON.stringify(baseline, null, 2)}\n`).catch((err: unknown) => {
          throw new CliError(`cannot write ${shown}: ${fsReason(err)}`);
        });
        const entries = Object.values(baseline.files).reduce((n, list) => n + list.length, 0);
        io.stderr.write(`plancheck: wrote ${printable(shown)}: ${entries} finding${entries === 1 ? '' : 's'} recorded\n`);
        return filterBaseline(results, baseline, key);
      },
    };
  }
  const baseline = await readBaseline(abs, shown);
  return { apply: async (results) => filterBaseline(results, baseline, key) };
}

async function readBaseline(abs: string, shown: string): Promise<Baseline> {
  const read = await readSideFile(abs);
  if ('reason' in read) {
    const hint = read.code === 'ENOENT' ? '; create it with --update-baseline' : '';
    throw new CliError(`${shown}: ${read.reason}${hint}`);
  }
  // TextDecoder drops a leading byte-order mark, which an editor on Windows may have added.
  const text = new TextDecoder().decode(read.bytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CliError(`${shown}: not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const { z } = await import('zod');
  const parsed = baselineSchema(z).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new CliError(`${shown}: not a plancheck baseline (version 1)${where}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** Every finding of the readable files, keyed by path, files in code-unit order and findings in document order. */
export function buildBaseline(results: readonly FileResult[], key: (r: FileResult) => string): Baseline {
  const readable = results.filter((r) => r.fatal === null && r.findings.length > 0).map((r) => ({ r, k: key(r) }));
  readable.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  // fromEntries defines own properties, so even a plan named __proto__ is recorded as data.
  const files = Object.fromEntries(
    readable.map(({ r, k }) => [
      k,
      r.findings.map((f) => ({ ruleId: f.ruleId, fingerprint: findingFingerprint(k, f), recommendation: f.recommendation, action: f.action, message: f.message })),
    ]),
  );
  return { version: 1, files };
}

/**
 * The results without the findings the baseline records. Matching counts: a fingerprint recorded once hides one
 * finding, so a problem that appears a second time still shows.
 */
export function filterBaseline(results: readonly FileResult[], baseline: Baseline, key: (r: FileResult) => string): FileResult[] {
  return results.map((r) => {
    const k = key(r);
    const recorded = Object.hasOwn(baseline.files, k) ? baseline.files[k] : undefined;
    if (r.fatal !== null || !recorded) return r;
    const left = new Map<string, number>();
    for (const e of recorded) left.set(e.fingerprint, (left.get(e.fingerprint) ?? 0) + 1);
    const findings = r.findings.filter((f: Finding) => {
      const fp = findingFingerprint(k, f);
      const n = left.get(fp) ?? 0;
      if (n > 0) left.set(fp, n - 1);
      return n === 0;
    });
    const errorCount = findings.filter((f) => f.severity === 'error').length;
    return { ...r, findings, errorCount, warningCount: findings.length - errorCount };
  });
}
