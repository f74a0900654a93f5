import path from 'node:path';
import picomatch from 'picomatch';

/**
 * Files that office suites and operating systems leave beside documents, never plans: Word's owner file
 * (`~$draft.docx`, made while the draft is open), LibreOffice's lock (`.~lock.plan.docx#`), temp files, and
 * folder metadata. Skipped always, as ESLint skips `node_modules`.
 */
export const DEFAULT_IGNORES: readonly string[] = ['**/~$*', '**/.~lock.*#', '**/*.tmp', '**/.DS_Store', '**/Thumbs.db', '**/desktop.ini'];

/** Ignore patterns and the folder they are relative to: the working directory for flags, the config file's folder for `ignores:`. */
export interface IgnoreSet {
  patterns: readonly string[];
  base: string;
}

/** Why a file is ignored: the pattern that matched it, or null when it is read. */
export type IgnoreTest = (abs: string) => string | null;

/**
 * A test of files against gitignore-like globs, as ESLint's `ignores` and `--ignore-pattern` take them: a
 * pattern is matched against the path relative to its base, and a pattern that names a folder (`archive`,
 * `archive/`) ignores everything in it. Matching is picomatch's, with dot files included.
 */
export function ignoreTest(sets: readonly IgnoreSet[]): IgnoreTest {
  const compiled = sets.flatMap((set) =>
    set.patterns.map((pattern) => {
      const folder = pattern.replace(/\/+$/, '');
      const matchers = [picomatch(folder, { dot: true }), picomatch(`${folder}/**`, { dot: true })];
      return { pattern, base: set.base, matches: (rel: string) => matchers.some((m) => m(rel)) };
    }),
  );
  return (abs) => {
    for (const c of compiled) {
      const rel = path.relative(c.base, abs).split(path.sep).join('/');
      // A file outside the pattern's base is not its business, as in ESLint (patterns never reach upwards).
      if (rel.startsWith('../') || path.isAbsolute(rel)) continue;
      if (c.matches(rel)) return c.pattern;
    }
    return null;
  };
}

/** The built-in patterns, which match by file name wherever the file lies. */
export const isLockOrTempFile: IgnoreTest = (() => {
  const matches = picomatch(DEFAULT_IGNORES as string[], { dot: true, basename: false });
  return (abs: string) => (matches(`x/${path.basename(abs)}`) ? 'a lock or temp file' : null);
})();
