import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { link, lstat, mkdir, open, readlink, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Temp files being written right now: what a SIGINT or SIGTERM must not leave behind. */
const pending = new Set<string>();

/** Remove every temp file still being written; the binary calls this when a signal ends the run. */
export function removePendingTemps(): void {
  for (const temp of pending) rmSync(temp, { force: true });
  pending.clear();
}

/** Links followed at most, as the system itself allows (ELOOP past that). */
const MAX_LINKS = 40;

/**
 * The file a write to `file` lands on: every symbolic link followed, that of `file` itself included, even when
 * what it points to does not exist yet; a path that does not exist is its deepest existing folder resolved,
 * with the rest appended.
 */
export async function realTarget(file: string, links = 0): Promise<string> {
  const abs = path.resolve(file);
  const real = await realpath(abs).catch(() => null);
  if (real !== null) return real;
  const stats = await lstat(abs).catch(() => null);
  if (stats?.isSymbolicLink()) {
    if (links >= MAX_LINKS) throw Object.assign(new Error(`ELOOP: too many symbolic links, '${abs}'`), { code: 'ELOOP' });
    return realTarget(path.resolve(path.dirname(abs), await readlink(abs)), links + 1);
  }
  const parent = path.dirname(abs);
  if (parent === abs) return abs;
  return path.join(await realTarget(parent, links), path.basename(abs));
}

/**
 * Write a file so that readers only ever see the old content or the whole new one: write and flush a temp
 * file in the same directory, then rename it over the target. Any failure removes the temp file.
 *
 * A symbolic link is written through, as the shell's `>` would: the file it points to is replaced and the link
 * stays. A device or a named pipe (`-o /dev/stdout`, `-o /dev/null`) has no content to replace, so it is
 * written to directly rather than having its directory entry renamed over.
 *
 * With `exclusive`, the file must not exist yet: the temp file is linked to its name, which fails with EEXIST
 * when anything (a file, a link, a device) already has that name.
 */
export async function writeFileAtomic(file: string, data: string, opts: { exclusive?: boolean } = {}): Promise<void> {
  const existing = await stat(file).catch(() => null);
  if (existing !== null && !existing.isFile() && !existing.isDirectory() && opts.exclusive !== true) {
    await writeFile(file, data, 'utf8');
    return;
  }
  // An exclusive write makes a new name, never one through a link (a dangling link counts as taken).
  const target = opts.exclusive === true ? path.resolve(file) : await realTarget(file);
  const dir = path.dirname(target);
  await mkdir(dir, { recursive: true }).catch((err: NodeJS.ErrnoException) => {
    // A recursive mkdir fails with EEXIST only where a part of the path is a file: say that, not "already exists".
    throw err.code === 'EEXIST' ? Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${dir}'`), { code: 'ENOTDIR' }) : err;
  });
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  pending.add(temp);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (opts.exclusive === true) {
      // A new name for the whole file, which fails (EEXIST) rather than replace one that appeared meanwhile.
      await link(temp, target);
      await rm(temp, { force: true });
    } else {
      await rename(temp, target);
    }
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  } finally {
    pending.delete(temp);
  }
}
