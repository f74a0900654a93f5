import { createRequire } from 'node:module';

// package.json sits two levels above both src/cli/ and dist/bundle/, and ships with the package.
const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };

/** plancheck's version, as `--version` prints it and SARIF logs and the cache record it. */
export const VERSION: string = pkg.version;
