import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { stringify } from 'yaml';
import type { PlanDocument } from '../model/plan.js';
import { writeFileAtomic } from './atomic.js';
import { CliError } from './errors.js';
import { expandInputs, fsReason } from './inputs.js';
import type { CliIo } from './io.js';
import { loadInput } from './load.js';
import { outputPaths } from './out-paths.js';
import { mapPool } from './pool.js';

/** The `convert --format` choices. */
export const convertFormats = ['json', 'yaml'] as const;

/** Everything `plancheck convert` was asked to do, parsed from the command line. */
export interface ConvertOptions {
  inputs: readonly string[];
  /** Write one file per input here; without it the single input's model goes to standard output. */
  outDir: string | undefined;
  format: (typeof convertFormats)[number];
  jobs: number;
  verbose: boolean;
}

/** The model as `convert` prints it: pretty JSON with a trailing newline, or YAML. */
export function serializeModel(doc: PlanDocument, format: ConvertOptions['format']): string {
  if (format === 'yaml') return stringify(doc, { aliasDuplicateObjects: false, lineWidth: 0 });
  return `${JSON.stringify(doc, null, 2)}\n`;
}

type Converted = { ok: true; recommendations: number; actions: number } | { ok: false; path: string; fatal: string; stack?: string };

/** Run `convert`: parse every input to the model, print it or write it under -o; returns the exit code. */
export async function runConvert(opts: ConvertOptions, io: CliIo): Promise<number> {
  const started = performance.now();
  const entries = await expandInputs(opts.inputs, io.cwd);
  if (opts.outDir === undefined && entries.length > 1) {
    throw new CliError(`${entries.length} inputs but standard output takes one: use -o DIR to write one file per input`);
  }
  const outDir = opts.outDir === undefined ? undefined : path.resolve(io.cwd, opts.outDir);
  const targets = outDir === undefined ? [] : outputPaths(entries, outDir, opts.format, io.cwd);

  const converted = await mapPool(entries, opts.jobs, async (entry, i): Promise<Converted> => {
    const loaded = await loadInput(entry, io);
    if ('fatal' in loaded) return { ok: false, path: loaded.path, fatal: loaded.fatal, stack: loaded.stack };
    const doc = loaded.parsed.document;
    const text = serializeModel(doc, opts.format);
    const target = targets[i];
    if (target) {
      try {
        await writeFileAtomic(target, text);
      } catch (err) {
        return { ok: false, path: entry.path, fatal: `cannot write ${path.relative(io.cwd, target)}: ${fsReason(err)}` };
      }
    } else {
      io.stdout.write(text);
    }
    return { ok: true, recommendations: doc.recommendations.length, actions: doc.recommendations.reduce((n, r) => n + r.actions.length, 0) };
  });

  let files = 0;
  let recommendations = 0;
  let actions = 0;
  for (const c of converted) {
    if (c.ok) {
      files += 1;
      recommendations += c.recommendations;
      actions += c.actions;
      continue;
    }
    io.stderr.write(`plancheck: ${c.path}: ${c.fatal}\n`);
    if (opts.verbose && c.stack) io.stderr.write(`${c.stack}\n`);
  }
  const failed = converted.length - files;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  io.stderr.write(
    `Converted ${plural(files, 'file')}: ${plural(recommendations, 'recommendation')}, ${plural(actions, 'action')}, ${failed} failed in ${seconds} s\n`,
  );
  return failed > 0 ? 2 : 0;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
