import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfigBody } from '../../src/cli/config.js';
import { rules } from '../../src/rules/index.js';
import { plancheck, ROOT } from './run.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'plancheck-init-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('plancheck init', { timeout: 120_000 }, () => {
  it('writes a commented starter .plancheck.yaml that is a valid config changing nothing', async () => {
    const dir = path.join(tmp, 'fresh');
    mkdirSync(dir);
    const run = plancheck(['init'], { cwd: dir });
    expect(run).toEqual({ code: 0, stdout: '', stderr: 'plancheck: wrote .plancheck.yaml\n' });
    const text = readFileSync(path.join(dir, '.plancheck.yaml'), 'utf8');
    for (const rule of rules) expect(text).toContain(`  # ${rule.id}: ${rule.defaultSeverity} `);
    expect(await parseConfigBody(text, '.plancheck.yaml', rules)).toEqual({ rules: new Map(), ignores: [], overrides: [] });
    // Each commented example, uncommented, is valid too.
    const uncommented = text.replace(/^(\s*)# (- |\S+: |  rules:|    vague-action)/gm, '$1$2').replace(/^\s*#.*$/gm, '');
    const body = await parseConfigBody(uncommented.replace(/^ {2}due-horizon: warn .*$/m, ''), 'x', rules);
    expect(body.ignores).toEqual(['archive/**']);
    expect(body.overrides).toHaveLength(1);
    expect(body.rules.get('due-horizon')).toEqual({ level: 'warn', options: { maxMonths: 36 } });
  });

  it('refuses to replace a config file of either name, exit 2, one line', () => {
    const dir = path.join(tmp, 'taken');
    mkdirSync(dir);
    writeFileSync(path.join(dir, '.plancheck.yml'), 'rules: {}\n');
    const run = plancheck(['init'], { cwd: dir });
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'plancheck: .plancheck.yml already exists; not overwriting it\n' });
    expect(readFileSync(path.join(dir, '.plancheck.yml'), 'utf8')).toBe('rules: {}\n');
  });
});

describe('plancheck rules --print-config', { timeout: 120_000 }, () => {
  const dir = path.join(tmp, 'cfg');
  mkdirSync(path.join(dir, 'drafts'), { recursive: true });
  writeFileSync(path.join(dir, '.plancheck.yaml'), 'rules:\n  due-horizon: [error, { maxMonths: 12 }]\noverrides:\n  - files: "drafts/**"\n    rules:\n      vague-action: off\n      due-horizon: warn\n');
  writeFileSync(path.join(dir, 'drafts/a.txt'), readFileSync(path.join(ROOT, 'fixtures/text/000-london.txt')));

  it('shows the config that applies to the plan, its overrides and --rule flags applied', () => {
    const run = plancheck(['rules', '--print-config', 'cfg/drafts/a.txt', '--rule', 'numbering=off', '--format', 'json'], { cwd: tmp });
    expect(run.code).toBe(0);
    const shown = JSON.parse(run.stdout) as { file: string; config: string; rules: Record<string, { level: string; options: unknown }> };
    expect(shown.file).toBe('cfg/drafts/a.txt');
    expect(shown.config).toBe('cfg/.plancheck.yaml');
    // The override sets a level only: the options configured before it stay.
    expect(shown.rules['due-horizon']).toEqual({ level: 'warn', options: { maxMonths: 12 } });
    expect(shown.rules['vague-action']!.level).toBe('off');
    expect(shown.rules.numbering).toEqual({ level: 'off', options: {} });
    expect(shown.rules['action-due']).toEqual({ level: 'error', options: {} });
    expect(Object.keys(shown.rules)).toEqual(rules.map((r) => r.id));
  });

  it('as a table, naming the config; a plan outside it gets the defaults', () => {
    const run = plancheck(['rules', '--print-config', 'cfg/drafts/a.txt'], { cwd: tmp });
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('cfg/drafts/a.txt: config cfg/.plancheck.yaml');
    expect(lines[1]).toMatch(/^RULE +LEVEL +OPTIONS$/);
    expect(lines).toContainEqual(expect.stringMatching(/^due-horizon +warn +\{"maxMonths":12\}$/));
    expect(lines).toContainEqual(expect.stringMatching(/^action-due +error +-$/));
    const outside = plancheck(['rules', '--print-config', 'elsewhere.txt'], { cwd: tmp });
    expect(outside.stdout.split('\n')[0]).toBe('elsewhere.txt: no config file, every rule at its default');
  });
});
