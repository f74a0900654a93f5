import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect } from 'vitest';

/** The repository root, and the built binary a user runs (`npm test` builds before vitest runs). */
export const ROOT = path.resolve(import.meta.dirname, '../..');
export const BIN = path.join(ROOT, 'bin/plancheck.js');

/** What one run of the real CLI did. */
export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run `node bin/plancheck.js ...args` as a child process, without colour unless the env says otherwise. */
export function plancheck(args: readonly string[], options: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {}): Run {
  const env: Record<string, string | undefined> = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: '1', ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fixture's path relative to the repository root. */
export function fixture(name: string): string {
  return path.join('fixtures/text', name);
}

/** A run refused with exactly one line on standard error, nothing on standard output, and exit code 2. */
export function expectRefused(run: Run, line: string): void {
  expect(run.stderr).toBe(`plancheck: ${line}\n`);
  expect(run.stdout).toBe('');
  expect(run.code).toBe(2);
}
