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
 * base, so the folder layout is mirrored; standard input becomes `stdin.<ext>`. Inputs that would share an
 * output (a plan kept as `borderless.docx` and `borderless.html`) are each named after their whole file name
 * instead (`borderless.docx.json`, `borderless.html.json`). Index i of the result belongs to entry i (null for
 * missing inputs); `reserved` paths are treated as taken. Throws when two inputs would still share an output,
 * or when an output would fall outside DIR (refuseOverwrites, run next, keeps outputs off every input, links
 * followed).
 */
export function outputPaths(entries: readonly InputEntry[], outDir: string, ext: string, cwd: string, reserved: readonly string[] = []): Array<string | null> {
  const files = entries.flatMap((e) => (e.kind === 'file' ? [e.abs] : []));
  const base = commonBase(files.map((f) => path.dirname(f))) ?? outDir;
  const shown = (p: string): string => path.relative(cwd, p) || '.';
  const relative = entries.map((entry) => (entry.kind === 'missing' ? null : path.parse(entry.kind === 'stdin' ? 'stdin' : path.relative(base, entry.abs))));
  const short = relative.map((p) => (p === null ? null : path.join(outDir, p.dir, `${p.name}.${ext}`)));
  // A reserved path (the manifest) counts as taken already, so a plan that would land on it gets its whole name.
  const uses = new Map<string, number>(reserved.map((r) => [r, 1]));
  for (const t of short) if (t !== null) uses.set(t, (uses.get(t) ?? 0) + 1);
  const owner = new Map<string, string>();
  return entries.map((entry, i) => {
    const parsed = relative[i];
    if (entry.kind === 'missing' || !parsed) return null;
    const target = uses.get(short[i]!)! > 1 ? path.join(outDir, parsed.dir, `${parsed.base}.${ext}`) : short[i]!;
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
