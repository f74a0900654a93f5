import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PLAN_EXTENSIONS } from '../../src/cli/plan-extensions.js';
import { ROOT } from '../cli/run.js';

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  types?: string[];
}

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

  it('offers one hook, plancheck, running the installed binary on the files committed', () => {
    expect(hooks).toHaveLength(1);
    const [hook] = hooks;
    expect(hook).toMatchObject({ id: 'plancheck', entry: 'plancheck validate', language: 'node', types: ['file'] });
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(Object.keys(pkg.bin)).toContain(hook!.entry.split(' ')[0]);
  });

  it('selects the files validate reads in folders, whatever the case of the extension, and nothing else', () => {
    // pre-commit matches `files` with Python's re.search; (?i) is Python's inline flag for ignoring case.
    const source = hooks[0]!.files;
    expect(source.startsWith('(?i)')).toBe(true);
    const re = new RegExp(source.slice(4), 'i');
    for (const ext of PLAN_EXTENSIONS) {
      expect(re.test(`plans/draft${ext}`), ext).toBe(true);
      expect(re.test(`plans/DRAFT${ext.toUpperCase()}`), ext).toBe(true);
    }
    for (const name of ['plans/notes.md', 'plan.pdf.bak', 'plan.doc', 'plans/draft.docx~', 'README']) expect(re.test(name), name).toBe(false);
  });
});
