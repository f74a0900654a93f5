import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/cli/config.js';
import { main } from '../../src/cli/main.js';
import { rules } from '../../src/rules/index.js';
import { DRAFT_WITH_NOTES } from '../helpers/draft-with-notes.js';

// The pages that document the model, the JSON report, the command line and the config file: their examples
// are the program's real output, checked here by running them, and the model page names every field.

const ROOT = path.resolve(import.meta.dirname, '../..');
const DOCS = path.join(ROOT, 'docs');
const PLAN = path.join(ROOT, 'fixtures/text/000-london.txt');
const read = (page: string): string => readFileSync(path.join(DOCS, page), 'utf8');

interface Fence {
  info: string;
  text: string;
}
/** The fenced code blocks of a page, in order. */
function fences(markdown: string): Fence[] {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ info: m[1]!, text: m[2]! }));
}

/** Run `plancheck …` in process; what a terminal would show: standard error (written first here), then output. */
async function run(command: string, cwd: string): Promise<string> {
  const argv = command.replace(/^\$ plancheck /, '').split(' ');
  let stdout = '';
  let stderr = '';
  await main({ argv, cwd, env: {}, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return stderr + stdout;
}

/** A console block: its one command line and the output that follows it. */
function consoleExample(fence: Fence): { command: string; output: string } {
  const [command = '', ...output] = fence.text.split('\n');
  expect(command.startsWith('$ plancheck ')).toBe(true);
  return { command, output: output.join('\n') };
}

/** A console block of one or more commands, each with the output that follows it. */
function consoleExamples(fence: Fence): Array<{ command: string; output: string }> {
  const parts = fence.text.split(/^(?=\$ plancheck )/m);
  expect(parts[0]!.startsWith('$ plancheck ')).toBe(true);
  return parts.map((part) => consoleExample({ info: fence.info, text: part }));
}

/** Output as shown on a page, where a line `…` stands for any number of lines left out. */
function expectShown(actual: string, shown: string): void {
  if (!shown.split('\n').includes('…')) return expect(actual).toBe(shown);
  const escape = (line: string): string => line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = shown.split(/(?<=\n)/).map((line) => (line === '…\n' ? '(?:.*\n)*?' : escape(line))).join('');
  expect(actual).toMatch(new RegExp(`^${pattern}$`));
}

const temps: string[] = [];
/** A fresh folder holding plan.txt (seed 000) and the given files. */
function folder(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'plancheck-docs-'));
  temps.push(dir);
  copyFileSync(PLAN, path.join(dir, 'plan.txt'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('docs/model.md', () => {
  const page = read('model.md');
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas/plan.schema.json'), 'utf8')) as unknown;

  /** Every property name and every enum value anywhere in the JSON Schema. */
  function names(node: unknown, out = new Set<string>()): Set<string> {
    if (Array.isArray(node)) for (const n of node) names(n, out);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.properties && typeof o.properties === 'object') for (const key of Object.keys(o.properties)) out.add(key);
      if (Array.isArray(o.enum)) for (const v of o.enum) out.add(String(v));
      for (const v of Object.values(o)) names(v, out);
    }
    return out;
  }

  it.each([...names(schema)])('describes `%s`', (name) => {
    expect(page).toContain(`\`${name}\``);
  });
});

describe('docs/json-report.md', () => {
  it('shows the real output of its command, run from the repository root', async () => {
    const [example] = fences(read('json-report.md')).filter((f) => f.info === 'console');
    const { command, output } = consoleExample(example!);
    expect(await run(command, ROOT)).toBe(output);
  }, 60_000);

  it('describes every field of the report', () => {
    const page = read('json-report.md');
    for (const field of ['files', 'errorCount', 'warningCount', 'path', 'fatal', 'findings', 'ruleId', 'severity', 'message', 'recommendation', 'action', 'location']) {
      expect(page).toContain(`| \`${field}\` |`);
    }
  });
});

describe('docs/config.md', () => {
  const blocks = fences(read('config.md'));

  it('every YAML example not followed by its console output is a valid config', async () => {
    for (const [i, block] of blocks.entries()) {
      if (block.info !== 'yaml' || blocks[i + 1]?.info === 'console') continue;
      await expect(parseConfig(block.text, '.plancheck.yaml', rules)).resolves.toBeInstanceOf(Map);
    }
    expect(blocks.filter((b) => b.info === 'console').length).toBeGreaterThan(0);
  });

  it('shows the real message for each mistake, run with the YAML before it as .plancheck.yaml', async () => {
    const mistakes = read('config.md').split('## Mistakes')[1]!;
    const shown = fences(mistakes);
    expect(shown.filter((b) => b.info === 'console').length).toBeGreaterThan(0);
    for (const [i, block] of shown.entries()) {
      if (block.info !== 'console') continue;
      const config = shown[i - 1];
      expect(config?.info).toBe('yaml');
      const { command, output } = consoleExample(block);
      expect(await run(command, folder({ '.plancheck.yaml': config!.text }))).toBe(output);
    }
  }, 60_000);

  /**
   * The walk-through's folder: plans/ holding the page's first YAML example as its config, a clean draft with
   * Word's lock file beside it, seed 001 as an archived plan, and notes that are no plan.
   */
  function plansFolder(): string {
    const dir = folder();
    mkdirSync(path.join(dir, 'plans/drafts'), { recursive: true });
    mkdirSync(path.join(dir, 'plans/archive'));
    writeFileSync(path.join(dir, 'plans/.plancheck.yaml'), blocks.find((b) => b.info === 'yaml')!.text);
    copyFileSync(PLAN, path.join(dir, 'plans/drafts/london.txt'));
    copyFileSync(PLAN, path.join(dir, 'plans/drafts/~$london.txt'));
    copyFileSync(path.join(ROOT, 'fixtures/text/001-dlnr.txt'), path.join(dir, 'plans/archive/dlnr-2019.txt'));
    writeFileSync(path.join(dir, 'plans/notes.txt'), 'Notes from the planning meeting: owners to be agreed.\n');
    return dir;
  }

  it('shows the real output of the walk-through (files left out, init, --print-config), run in a plans folder', async () => {
    const before = read('config.md').split('## Mistakes')[0]!;
    const walk = fences(before).filter((b) => b.info === 'console');
    expect(walk.length).toBe(3);
    for (const block of walk) {
      const dir = plansFolder();
      for (const { command, output } of consoleExamples(block)) expectShown(await run(command, dir), output);
    }
  }, 60_000);

  it('lists every rule that takes options, and each option', () => {
    const page = read('config.md');
    for (const rule of rules.filter((r) => r.options)) {
      expect(page).toContain(`rules/${rule.id}.md`);
      for (const option of Object.keys(rule.options!.defaults as object)) expect(page).toContain(`\`${option}\``);
    }
  });
});

describe('docs/cli.md', () => {
  it('shows the real output of its examples, run in a folder holding plan.txt and a draft with a reading note', async () => {
    for (const block of fences(read('cli.md')).filter((f) => f.info === 'console')) {
      const { command, output } = consoleExample(block);
      expect(await run(command, folder({ 'draft.txt': DRAFT_WITH_NOTES }))).toBe(output);
    }
  }, 60_000);

  it('gives the exit codes the help text gives', async () => {
    const help = await run('$ plancheck validate --help', ROOT);
    expect(help).toContain('Exit codes: 0 no error, 1 an error finding or too many warnings, 2 a usage or config error or an unreadable input.');
    const table = read('cli.md').split('## Exit codes')[1]!.split('## ')[0]!;
    expect([...table.matchAll(/^\| (\d) \|/gm)].map((m) => m[1])).toEqual(['0', '1', '2']);
  });
});

describe('the docs are the project’s own', () => {
  /** Every file under a folder. */
  const files = (dir: string): string[] =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f)).filter((f) => statSync(f).isFile());

  it('no README, doc, source file or schema points at a SPEC.md the package does not have', () => {
    const cited = [path.join(ROOT, 'README.md'), ...files(DOCS), ...files(path.join(ROOT, 'src')), ...files(path.join(ROOT, 'schemas'))].filter((f) =>
      readFileSync(f, 'utf8').includes('SPEC.md'),
    );
    expect(cited.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it.each(['model.md', 'json-report.md', 'config.md', 'cli.md'])('every relative link of docs/%s leads to a file', (page) => {
    const links = [...read(page).matchAll(/\]\(([^)#]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/.test(l));
    for (const link of links) expect(existsSync(path.join(DOCS, link)), link).toBe(true);
  });
});
