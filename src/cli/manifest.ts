import path from 'node:path';
import { writeFileAtomic } from './atomic.js';
import type { Counts } from './workers/task.js';

/** The name of the manifest `convert -o DIR` writes beside the plans. */
export const MANIFEST_NAME = 'manifest.json';

/** What became of one input, in `manifest.json`. */
export type ManifestEntry =
  | ({ path: string; status: 'converted'; output: string } & Counts)
  | { path: string; status: 'skipped' | 'failed'; reason: string };

/** `DIR/manifest.json`: every input in the order given, with its status, and the totals. */
export interface Manifest {
  format: string;
  counts: { inputs: number; converted: number; skipped: number; failed: number; recommendations: number; actions: number };
  inputs: ManifestEntry[];
}

/** The manifest's entry for an input converted to `output`, which is recorded relative to the manifest's folder. */
export function convertedEntry(input: string, output: string, dir: string, counts: Counts): ManifestEntry {
  return { path: input, status: 'converted', output: path.relative(dir, output).split(path.sep).join('/'), ...counts };
}

/** Add up the entries (holes are inputs never reached, which cannot happen once a batch has run) into the manifest. */
export function buildManifest(format: string, entries: ReadonlyArray<ManifestEntry | undefined>): Manifest {
  const inputs = entries.filter((e) => e !== undefined);
  const counts = { inputs: inputs.length, converted: 0, skipped: 0, failed: 0, recommendations: 0, actions: 0 };
  for (const e of inputs) {
    counts[e.status] += 1;
    if (e.status === 'converted') {
      counts.recommendations += e.recommendations;
      counts.actions += e.actions;
    }
  }
  return { format, counts, inputs };
}

/** Write the manifest atomically into the output folder. */
export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  await writeFileAtomic(path.join(dir, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
}
