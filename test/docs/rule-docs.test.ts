import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseConfig } from '../../src/cli/config.js';
import { main } from '../../src/cli/main.js';
import { parseDue } from '../../src/read/dates.js';
import { rules } from '../../src/rules/index.js';
import { ACTION_START, CAUSE_AFTER, CAUSE_BEFORE, COMMITMENT, CONSTRAINT, LACK, LEADING_CAUSE, REFUSAL } from '../../src/rules/utils/lexicon/reason-links.js';
import { classifyReasons, REASON_CATEGORIES } from '../../src/rules/utils/lexicon/reasons.js';
import type { AnyRule } from '../../src/rules/types.js';
import { isMeasurable } from '../../src/rules/vague-action.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DOCS = path.join(ROOT, 'docs/rules');
/** The sections every page opens with, in this order; more (such as "Limits") may follow. */
const SECTIONS = ['What it checks', 'Why', 'Default severity', 'Options', 'Passes', 'Fails'];
/** report-coverage is a documented rule even while its implementation is not in the registry. */
const EXPECTED: ReadonlyArray<Pick<AnyRule, 'id' | 'defaultSeverity'> & { rule?: AnyRule }> = [
  ...rules.map((rule) => ({ id: rule.id, defaultSeverity: rule.defaultSeverity, rule })),
  ...(rules.some((r) => r.id === 'report-coverage') ? [] : [{ id: 'report-coverage', defaultSeverity: 'error' as const }]),
];
/** Rules the config check knows: the registry, plus a stand-in for report-coverage while it is not there. */
const CONFIG_RULES: readonly AnyRule[] = EXPECTED.map((e) => e.rule ?? { id: e.id, description: '', defaultSeverity: e.defaultSeverity, check() {} });

/** The columns of an example table: the template's six. */
const COLUMNS = ['Rec No', 'Recommendation', 'Agreed/Partly Agreed/Not Agreed', 'Response', 'Owner', 'Target Date'];
/** The plan header examples run under unless they give their own (a `text header` block). */
const DEFAULT_HEADER = 'Action Plan Submitted: 05/07/2023\n\nA Response to the HMI Probation Inspection: Westshire PDU\n\nReport Published: 20/06/2023\n\nACTION PLAN: Westshire PDU';
const TABLE_HEADER = '1. Rec No\t2. Recommendation\t3. Agreed/ Partly Agreed/ Not Agreed\t4. Response Action Taken/Planned\t5. Responsible Owner\t6. Target Date';

type Block = { kind: 'code'; info: string; text: string } | { kind: 'table'; header: string[]; rows: string[][] } | { kind: 'prose'; text: string };
interface Section {
  heading: string;
  body: string;
  blocks: Block[];
}
interface Page {
  title: string;
  sections: Section[];
  text: string;
}

const cells = (line: string): string[] => line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
/** Every `code span` of a text. */
const spans = (text: string): string[] => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

/** Fenced code, tables and paragraphs of a section, in order. */
function blocksOf(body: string): Block[] {
  const lines = body.split('\n');
  const out: Block[] = [];
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    if (line.startsWith('```')) {
      const end = lines.findIndex((l, j) => j > i && l.startsWith('```'));
      out.push({ kind: 'code', info: line.slice(3).trim(), text: lines.slice(i + 1, end).join('\n') });
      i = end + 1;
    } else if (line.startsWith('|')) {
      let end = i;
      while (lines[end]?.startsWith('|')) end++;
      out.push({ kind: 'table', header: cells(line), rows: lines.slice(i + 2, end).map(cells) });
      i = end;
    } else {
      let end = i;
      while (end < lines.length && lines[end] !== '' && !/^(```|\|)/.test(lines[end]!)) end++;
      if (end > i) out.push({ kind: 'prose', text: lines.slice(i, end).join(' ') });
      i = Math.max(end, i + 1);
    }
  }
  return out;
}

/** A page split into its sections; a missing page reads as empty, so that each check fails on its own. */
function readPage(id: string): Page {
  const file = path.join(DOCS, `${id}.md`);
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const [title = '', ...rest] = text.split('\n');
  const sections: Section[] = [];
  let fenced = false;
  for (const line of rest) {
    if (line.startsWith('```')) fenced = !fenced;
    if (!fenced && line.startsWith('## ')) sections.push({ heading: line.slice(3).trim(), body: '', blocks: [] });
    else if (sections.length > 0) sections.at(-1)!.body += `${line}\n`;
  }
  for (const s of sections) s.blocks = blocksOf(s.body);
  return { title, sections, text };
}

const section = (page: Page, heading: string): Section => {
  const found = page.sections.find((s) => s.heading === heading);
  if (!found) throw new Error(`no "## ${heading}" section`);
  return found;
};

/**
 * One example plan of a page: the rows of a table, what it runs with, and the output printed under it, if any.
 * A layout that a text export cannot show (a PDF's) is a fixture file instead, named in a `pdf` block.
 */
interface Example {
  section: string;
  header: string;
  config: string | null;
  report: string | null;
  rows: string[][];
  output: string[] | null;
  file?: string;
}

/** The example tables of a page; a `text report` block holds for the rest of the page, a header or yaml block for the rest of its section. */
function examplesOf(page: Page): Example[] {
  const out: Example[] = [];
  let report: string | null = null;
  for (const s of page.sections) {
    let header = DEFAULT_HEADER;
    let config: string | null = null;
    s.blocks.forEach((b, k) => {
      if (b.kind === 'code' && b.info === 'text report') report = b.text;
      if (b.kind === 'code' && b.info === 'text header') header = b.text;
      if (b.kind === 'code' && b.info === 'yaml') config = b.text;
      const next = s.blocks[k + 1];
      const output = next?.kind === 'code' && next.info === 'text' ? next.text.split('\n') : null;
      if (b.kind === 'code' && b.info === 'pdf') out.push({ section: s.heading, header, config, report, rows: [], output, file: path.join(ROOT, b.text.trim()) });
      if (b.kind !== 'table' || b.header.join('|') !== COLUMNS.join('|')) return;
      out.push({ section: s.heading, header, config, report, rows: b.rows, output });
    });
  }
  return out;
}

const tmp = mkdtempSync(path.join(tmpdir(), 'plancheck-docs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let runs = 0;

/** Run `plancheck validate` on an example as a text export and return its finding lines as stylish prints them. */
async function lint(ex: Example): Promise<string[]> {
  const dir = path.join(tmp, String(runs++));
  mkdirSync(dir);
  const body = ex.rows.map((r) => r.join('\t')).join('\n');
  if (ex.file === undefined) writeFileSync(path.join(dir, 'plan.txt'), `${ex.header}\n\n${TABLE_HEADER}\n${body}\n`);
  writeFileSync(path.join(dir, 'config.yaml'), ex.config ?? '{}\n');
  const argv = ['validate', ex.file ?? 'plan.txt', '--no-color', '-c', 'config.yaml'];
  if (ex.report !== null) {
    writeFileSync(path.join(dir, 'report.txt'), `${ex.report}\n`);
    argv.push('--report', 'report.txt');
  }
  let stdout = '';
  let stderr = '';
  await main({ argv, cwd: dir, env: {}, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  expect(stderr).toBe('');
  return stdout.split('\n').filter((l) => l.startsWith('  '));
}

it('there is a page for every rule and for no other', () => {
  const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3));
  expect(pages.sort()).toEqual(EXPECTED.map((e) => e.id).sort());
});

describe.each(EXPECTED.map((e) => [e.id, e] as const))('%s', (id, expected) => {
  const page = readPage(id);

  it('opens with its id and has the sections in order', () => {
    expect(page.title).toBe(`# ${id}`);
    expect(page.sections.map((s) => s.heading).slice(0, SECTIONS.length)).toEqual(SECTIONS);
    expect(section(page, 'What it checks').blocks.filter((b) => b.kind === 'prose')).toHaveLength(1);
    expect(section(page, 'Why').body.trim()).not.toBe('');
  });

  it('states the default severity', () => {
    const stated = [...section(page, 'Default severity').body.matchAll(/\*\*(error|warn|off)\*\*/g)].map((m) => m[1]);
    expect(stated).toEqual([expected.defaultSeverity]);
  });

  it('documents every option with its type and default, and shows a config that plancheck accepts', async () => {
    const options = section(page, 'Options');
    const schema = expected.rule?.options ? (z.toJSONSchema(expected.rule.options.schema(z)) as { properties?: Record<string, { type?: string; default?: unknown }> }) : null;
    const properties = Object.entries(schema?.properties ?? {});
    if (properties.length === 0) expect(options.body.trim()).toMatch(/^None\./);
    const table = options.blocks.find((b) => b.kind === 'table' && b.header[0] === 'Option');
    for (const [key, prop] of properties) {
      expect(table, `an options table listing ${key}`).toBeDefined();
      if (table?.kind !== 'table') continue;
      const row = table.rows.find((r) => r[0] === `\`${key}\``);
      expect(row, `a row for \`${key}\``).toBeDefined();
      const cell = (name: string): string => row?.[table.header.indexOf(name)] ?? '';
      const typeWords: Record<string, RegExp> = { integer: /whole number/, number: /number/, boolean: /true or false/, array: /list/ };
      expect(cell('Type')).toMatch(typeWords[prop.type ?? ''] ?? /^$/);
      if (Array.isArray(prop.default)) for (const item of prop.default) expect(spans(options.body)).toContain(String(item));
      else expect(spans(cell('Default'))).toContain(String(prop.default));
    }
    const yamls = page.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'code' && b.info === 'yaml');
    expect(options.blocks.some((b) => b.kind === 'code' && b.info === 'yaml')).toBe(true);
    for (const b of yamls) {
      if (b.kind !== 'code') continue;
      expect([...(await parseConfig(b.text, `${id}.md`, CONFIG_RULES)).keys()]).toEqual([id]);
    }
  });

  const examples = examplesOf(page);
  it('has examples that pass and examples that fail', () => {
    expect(examples.filter((e) => e.section === 'Passes').length).toBeGreaterThan(0);
    expect(examples.filter((e) => e.section === 'Fails').length).toBeGreaterThan(0);
    for (const ex of examples) for (const row of ex.rows) expect(row).toHaveLength(COLUMNS.length);
  });

  it.each(examples.map((ex, n) => [`${ex.section} #${n + 1}`, ex] as const))('example %s prints what the page says', async (_name, ex) => {
    const printed = await lint(ex);
    if (ex.section === 'Passes') expect(ex.output).toBeNull();
    if (ex.section === 'Fails') {
      expect(ex.output).not.toBeNull();
      expect(ex.output?.some((l) => l.endsWith(`  ${id}`))).toBe(true);
    }
    expect(printed).toEqual(ex.output ?? []);
  });
});

/** The table of a page whose first column is headed `first`. */
function tableOf(id: string, first: string): Extract<Block, { kind: 'table' }> {
  const table = readPage(id).sections.flatMap((s) => s.blocks).find((b) => b.kind === 'table' && b.header[0] === first);
  if (table?.kind !== 'table') throw new Error(`${id}.md has no table headed "${first}"`);
  return table;
}

describe.each(['partly-agreed-reason', 'not-agreed-reason'])('the reason words on %s', (id) => {
  it('list the four categories, each word recognised as the page says', () => {
    const table = tableOf(id, 'Category');
    expect(table.rows.map((r) => r[0])).toEqual([...REASON_CATEGORIES]);
    for (const [category = '', named = '', implied = ''] of table.rows) {
      for (const [cell, stated] of [[named, true], [implied, false]] as const) {
        expect(spans(cell).length).toBeGreaterThan(0);
        for (const word of spans(cell)) {
          const hits = classifyReasons([word]).map((h) => ({ ...h, words: h.words.toLowerCase() }));
          expect(hits, word).toEqual([{ category, words: word.toLowerCase(), stated }]);
        }
      }
    }
  });

  it('list the nouns quoted with an implied word', () => {
    const marker = '**Nouns kept with an implied word:**';
    const line = readPage(id).text.split('\n').find((l) => l.startsWith(marker)) ?? '';
    const nouns = spans(line);
    expect(nouns.length).toBeGreaterThan(0);
    for (const noun of nouns) expect(classifyReasons([`funding ${noun}`])[0]?.words).toBe(`funding ${noun}`);
  });
});

it('partly-agreed-reason lists the words that tie a reason to the decision and that make a clause an action, each as the reader knows it', () => {
  const whole = (re: RegExp, word: string): boolean => new RegExp(`^(?:${re.source})$`, 'i').test(word);
  const kinds: Array<[string, (word: string) => boolean]> = [
    ['a cause word before the reason, opening', (w) => whole(LEADING_CAUSE, w)],
    ['a cause word before the reason, after', (w) => whole(CAUSE_AFTER, w)],
    ['a cause word after the reason', (w) => whole(CAUSE_BEFORE, w)],
    ['a refusal', (w) => whole(REFUSAL, w)],
    ['a lack', (w) => whole(LACK, w)],
    ['a constraint', (w) => whole(CONSTRAINT, w)],
    ['a word of commitment', (w) => whole(COMMITMENT, w)],
    ['a verb that opens the clause', (w) => ACTION_START.test(w) && ACTION_START.exec(w)?.[0] === w],
  ];
  const rows = [...tableOf('partly-agreed-reason', 'What ties a word to the decision').rows, ...tableOf('partly-agreed-reason', 'What makes a clause an action').rows];
  expect(rows).toHaveLength(kinds.length);
  rows.forEach(([label = '', cell = ''], k) => {
    const [prefix, known] = kinds[k]!;
    expect(label.startsWith(prefix), label).toBe(true);
    expect(spans(cell).length).toBeGreaterThan(5);
    for (const word of spans(cell)) expect(known(word.replace(/’/g, "'")), `${prefix}: ${word}`).toBe(true);
  });
});

it('vague-action lists examples that each count as measurable', () => {
  const examples = tableOf('vague-action', 'Measurable element').rows.flatMap((r) => spans(r[1] ?? ''));
  expect(examples.length).toBeGreaterThan(20);
  for (const text of examples) expect(isMeasurable(text), text).toBe(true);
});

it('due-time-bound lists target dates that each read as a date', () => {
  const dates = spans(section(readPage('due-time-bound'), 'Dates plancheck can read').body);
  expect(dates.length).toBeGreaterThan(5);
  for (const raw of dates) expect(parseDue(raw)?.date, raw).toMatch(/^\d{4}-\d{2}/);
});
