/**
 * The extensions read from directories and globs; a file named on its own is read whatever its name. A module of
 * its own, so that the binary's first code (workers/prestart.ts) can look at a folder without loading the rest.
 */
export const PLAN_EXTENSIONS: readonly string[] = ['.pdf', '.docx', '.html', '.htm', '.txt'];
