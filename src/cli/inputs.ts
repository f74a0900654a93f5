import type { Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { STDIN_NAME } from '../model/result.js';
import { PLAN_EXTENSIONS } from './plan-extensions.js';

/** The extensions, as a message names them: ".pdf, .docx, .html, .htm or .txt". */
const EXTENSION_LIST = `${PLAN_EXTENSIONS.slice(0, -1).join(', ')} or ${PLAN_EXTENSIONS.at(-1)}`;

/** The name standard input is shown under (one constant for the CLI and every formatter). */
export { STDIN_NAME };

/** One input to process: a file, standard input, or an argument that named nothing readable. */
export type InputEntry =
  | { kind: 'file'; path: string; abs: string; /** Named on the command line, not found in a folder or by a glob. */ named?: boolean }
  | { kind: 'stdin'; path: string }
  | { kind: 'missing'; path: string; reason: string };

/** A path as shown to users: relative to the working directory. */
export function displayPath(abs: string, cwd: string): string {
  return path.relative(cwd, abs) || '.';
}

/** The one-line reason for a failed file-system call, without Node's "ENOENT: …, open '…'" wrapping. */
export function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENXIO':
      return 'not a regular file (a socket or a device with nothing behind it)';
    case 'EIO':
      return 'input/output error';
    case 'ENAMETOOLONG':
      return 'file name too long';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default: {
      // Node's message is "CODE: reason, syscall 'path'": the path is already on the line, the code adds nothing.
      const message = err instanceof Error ? err.message : String(err);
      return message.replace(/^[A-Z][A-Z0-9_]+: /, '').replace(/, \w+ '[^']*'(?: -> '[^']*')?$/, '');
    }
  }
}

/**
 * Why a file that exists is not one that can be read: a FIFO would block the read, a device never end it. Only
 * an input can be read from standard input instead, so only an input's reason says so.
 */
export function notRegularFile(stats: Stats, input = true): string {
  if (stats.isFIFO()) return `not a regular file (a named pipe)${input ? ': give - to read standard input' : ''}`;
  if (stats.isSocket()) return 'not a regular file (a socket)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'not a regular file (a device)';
  return 'not a regular file';
}

function isPlanFile(name: string): boolean {
  return PLAN_EXTENSIONS.includes(path.extname(name).toLowerCase());
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every plan file under a directory, recursively, skipping node_modules and hidden entries; a folder that cannot
 * be listed (no permission, a path longer than the system allows) is kept with the reason, so that the run
 * names it and carries on with the rest.
 */
async function walk(dir: string): Promise<Array<{ file: string } | { dir: string; reason: string }>> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((err: unknown) => err as Error);
  if (entries instanceof Error) return [{ dir, reason: `cannot read this folder: ${fsReason(entries)}` }];
  const found: Array<{ file: string } | { dir: string; reason: string }> = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(full)));
    // A link named like a plan is kept even when broken, so that reading it reports the problem: lose nothing.
    else if (isPlanFile(entry.name) && (entry.isFile() || entry.isSymbolicLink())) found.push({ file: full });
  }
  return found;
}

async function expandOne(arg: string, cwd: string): Promise<InputEntry[]> {
  if (arg === '-') return [{ kind: 'stdin', path: STDIN_NAME }];
  const abs = path.resolve(cwd, arg);
  // Paths are shown as the user typed them: relative to the working directory, or absolute when given so.
  const show = (p: string): string => (path.isAbsolute(arg) ? p : displayPath(p, cwd));
  const shown = show(abs);
  // An existing path wins over a glob reading of it, so "plan [draft].pdf" is the file of that name.
  const stats = await stat(abs).catch((err: unknown) => err as Error);
  if (!(stats instanceof Error)) {
    if (stats.isFile()) return [{ kind: 'file', path: shown, abs, named: true }];
    if (!stats.isDirectory()) return [{ kind: 'missing', path: shown, reason: notRegularFile(stats) }];
    const found = (await walk(abs)).sort((a, b) => byCodeUnit('file' in a ? a.file : a.dir, 'file' in b ? b.file : b.dir));
    if (found.length === 0) return [{ kind: 'missing', path: shown, reason: `no ${EXTENSION_LIST} file in this directory` }];
    return found.map((f) => ('file' in f ? { kind: 'file', path: show(f.file), abs: f.file } : { kind: 'missing', path: show(f.dir), reason: f.reason }));
  }
  if (isDynamicPattern(arg)) {
    const matches = await glob(arg, { cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'] });
    const files = matches.map((m) => path.resolve(m)).filter(isPlanFile).sort(byCodeUnit);
    if (files.length === 0) return [{ kind: 'missing', path: arg, reason: `no ${EXTENSION_LIST} file matches this pattern` }];
    return files.map((f) => ({ kind: 'file', path: show(f), abs: f }));
  }
  return [{ kind: 'missing', path: shown, reason: fsReason(stats) }];
}

/**
 * Turn command-line inputs into the files to read, in the order given: a directory's plan files sorted, a
 * glob's matches sorted, `-` as standard input; each file once. An argument that names nothing readable
 * becomes a `missing` entry, reported as that input's fatal error rather than stopping the run.
 */
export async function expandInputs(args: readonly string[], cwd: string): Promise<InputEntry[]> {
  const seen = new Set<string>();
  const out: InputEntry[] = [];
  for (const arg of args) {
    for (const entry of await expandOne(arg, cwd)) {
      const key = entry.kind === 'file' ? entry.abs : entry.kind === 'stdin' ? '\0stdin' : `\0missing:${entry.path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(entry);
    }
  }
  return out;
}
