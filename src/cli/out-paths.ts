import path from 'node:path';
import { CliError } from './errors.js';
import type { InputEntry } from './inputs.js';

/** The deepest directory holding every given directory. */
export function commonBase(dirs: readonly string[]): string | null {
  const [first, ...rest] = dirs.map((d) => path.resolve(d));
  if (first === undefined) return null;
  let base = first;
  for (const dir of rest) {
    while (dir !== base && !dir.startsWith(base.endsWith(path.sep) ? base : base + path.sep)) {
      const up = path.dirname(base);
      if (up === base) break;
      base = up;
    }
  }
  return base;
}

/**
 * Where `convert -o DIR` writes each input: `<name>.<ext>` at the input's path relative to the inputs' common
 * base, so the folder layout is mirrored; standard input becomes `stdin.<ext>`. Index i of the result belongs
 * to entry i (null for missing inputs). Throws when two inputs would share an output, when an output would
 * fall outside DIR (refuseOverwrites, run next, keeps outputs off every input, links followed).
 */
export function outputPaths(entries: readonly InputEntry[], outDir: string, ext: string, cwd: string): Array<string | null> {
  const files = entries.flatMap((e) => (e.kind === 'file' ? [e.abs] : []));
  const base = commonBase(files.map((f) => path.dirname(f))) ?? outDir;
  const shown = (p: string): string => path.relative(cwd, p) || '.';
  const owner = new Map<string, string>();
  return entries.map((entry) => {
    if (entry.kind === 'missing') return null;
    const rel = entry.kind === 'stdin' ? 'stdin' : path.relative(base, entry.abs);
    const parsed = path.parse(rel);
    const target = path.join(outDir, parsed.dir, `${parsed.name}.${ext}`);
    const inside = path.relative(outDir, target);
    if (inside === '' || inside.startsWith(`..${path.sep}`) || inside === '..' || path.isAbsolute(inside)) {
      throw new CliError(`${entry.path}: its output ${shown(target)} would fall outside the output directory`);
    }
    const previous = owner.get(target);
    if (previous !== undefined) {
      throw new CliError(`${previous} and ${entry.path} would both be written to ${shown(target)}`);
    }
    owner.set(target, entry.path);
    return target;
  });
}
