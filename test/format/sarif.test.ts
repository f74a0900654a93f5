import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';
import type { Log, Result } from 'sarif';
import { beforeAll, describe, expect, it } from 'vitest';
import { ruleInfos } from '../../src/cli/rules-list.js';
import type { FileResult, Finding } from '../../src/model/result.js';
import { readPlan } from '../../src/read/index.js';
import { ruleDocsUri } from '../../src/format/common/docs-url.js';
import { formatSarif, sarifLog } from '../../src/format/sarif.js';
import { runRules } from '../../src/rules/engine.js';
import { rules } from '../../src/rules/index.js';
import { plancheck } from '../cli/run.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = 'fixtures/text/001-dlnr.txt';
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const OPTIONS = { rules: ruleInfos(rules), toolVersion: VERSION, generatedAt: '2024-05-01T10:00:00.000Z' };

/**
 * The OASIS schema is draft-04 (`id`, draft-04 `$schema`), which Ajv 8 no longer ships a meta-schema for. The
 * keywords it uses mean the same under draft-07, so it is compiled as draft-07 with `id` renamed to `$id`.
 */
function sarifValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  const { $schema: _draft04, id, ...rest } = schema;
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  // ajv-formats is CommonJS; its plugin is also its own `default`, which is what both Node and TypeScript see.
  formats.default(ajv);
  return ajv.compile({ ...rest, $id: id as string });
}

async function check(text: string, file = FIXTURE): Promise<FileResult> {
  const { document, sourceMap } = await readPlan({ path: file, bytes: Buffer.from(text, 'utf8') });
  const findings = runRules(document, sourceMap, { rules, settings: new Map() });
  const errorCount = findings.filter((f) => f.severity === 'error').length;
  return { path: file, fatal: null, plan: document, findings, errorCount, warningCount: findings.length - errorCount };
}

function log(results: FileResult[]): Log {
  return JSON.parse(formatSarif(results, OPTIONS)) as Log;
}

function results(l: Log): Result[] {
  return l.runs[0]?.results ?? [];
}

function finding(over: Partial<Finding>): Finding {
  return { ruleId: 'action-owner', severity: 'error', message: 'Action 2 of recommendation 4 has no responsible owner', recommendation: '4', action: 2, location: { page: 3 }, path: 'recommendations[3].actions[1].owner', ...over };
}

function fileResult(file: string, findings: Finding[]): FileResult {
  const errorCount = findings.filter((f) => f.severity === 'error').length;
  return { path: file, fatal: null, plan: null, findings, errorCount, warningCount: findings.length - errorCount };
}

const original = readFileSync(path.join(ROOT, FIXTURE), 'utf8');
let validate: ValidateFunction;
let seed: FileResult;
beforeAll(async () => {
  validate = sarifValidator();
  seed = await check(original);
});

describe('validate --format sarif on 001 (DLNR)', () => {
  it('is a SARIF 2.1.0 log that the OASIS schema accepts', () => {
    const l = log([seed]);
    expect(validate(l), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(l.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(l.version).toBe('2.1.0');
    expect(l.runs).toHaveLength(1);
    expect(l.runs[0]?.invocations).toEqual([{ executionSuccessful: true, endTimeUtc: '2024-05-01T10:00:00.000Z' }]);
  });

  it('would be refused by the schema check without a region line or a driver name', () => {
    const noLine = log([seed]);
    delete results(noLine)[0]!.locations![0]!.physicalLocation!.region!.startLine;
    expect(validate(noLine)).toBe(false);
    const noName = log([seed]) as unknown as { runs: Array<{ tool: { driver: Record<string, unknown> } }> };
    delete noName.runs[0]!.tool.driver.name;
    expect(validate(noName)).toBe(false);
  });

  it('describes every rule of the registry, with its docs page and default level', () => {
    const driver = log([seed]).runs[0]!.tool.driver;
    expect(driver.name).toBe('plancheck');
    expect(driver.version).toBe(VERSION);
    expect(driver.informationUri).toBe('https://github.com/plancheck/plancheck');
    expect(driver.rules?.map((r) => r.id)).toEqual(rules.map((r) => r.id));
    const owner = driver.rules?.find((r) => r.id === 'action-owner');
    expect(owner).toMatchObject({ name: 'ActionOwner', helpUri: ruleDocsUri('action-owner'), defaultConfiguration: { level: 'error' } });
    expect(owner?.help?.markdown).toContain(`(${ruleDocsUri('action-owner')})`);
    expect(driver.rules?.find((r) => r.id === 'vague-action')?.defaultConfiguration).toEqual({ level: 'warning' });
  });

  it('has one result per finding, pointing at the rule, the file and the line', () => {
    const l = log([seed]);
    const rs = results(l);
    expect(rs).toHaveLength(seed.findings.length);
    for (const r of rs) expect(l.runs[0]!.tool.driver.rules?.[r.ruleIndex!]?.id).toBe(r.ruleId);
    // Checked against the document: these five actions have an empty owner cell.
    const owners = rs.filter((r) => r.ruleId === 'action-owner');
    expect(owners.map((r) => r.locations?.[0]?.physicalLocation?.region?.startLine)).toEqual([53, 54, 59, 93, 132]);
    expect(owners[0]).toEqual({
      ruleId: 'action-owner',
      ruleIndex: rules.findIndex((r) => r.id === 'action-owner'),
      level: 'error',
      message: { text: 'Action 7 of recommendation 3 has no responsible owner' },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: FIXTURE, uriBaseId: '%SRCROOT%' }, region: { startLine: 53 } },
          logicalLocations: [{ fullyQualifiedName: 'recommendation 3/action 7', kind: 'object', decoratedName: 'recommendations[2].actions[6].owner' }],
        },
      ],
      partialFingerprints: expect.any(Object) as unknown,
    });
    expect(rs.find((r) => r.ruleId === 'vague-action')?.level).toBe('warning');
  });

  it('fingerprints a finding by rule, file, place in the model and message, as documented', () => {
    const owner = results(log([seed])).find((r) => r.ruleId === 'action-owner');
    const recipe = ['plancheck/v1', 'action-owner', FIXTURE, 'recommendations[#3].actions[6].owner', 'action 7 of recommendation 3 has no responsible owner'];
    const hash = createHash('sha256').update(recipe.join('\u0000')).digest('hex').slice(0, 16);
    expect(owner?.partialFingerprints).toEqual({ primaryLocationLineHash: `${hash}:1`, 'plancheck/v1': hash });
  });

  it('gives every finding its own fingerprint, the same on a second run', async () => {
    const first = results(log([seed])).map((r) => r.partialFingerprints);
    const second = results(log([await check(original)])).map((r) => r.partialFingerprints);
    expect(second).toEqual(first);
    expect(new Set(first.map((p) => p?.primaryLocationLineHash)).size).toBe(first.length);
  });

  it('keeps the fingerprints when lines are added above the findings', async () => {
    const moved = results(log([await check(`\n\n\n${original}`)]));
    const before = results(log([seed]));
    const lines = (rs: Result[]): Array<number | undefined> => rs.map((r) => r.locations?.[0]?.physicalLocation?.region?.startLine);
    expect(lines(moved)).toEqual(lines(before).map((n) => (n === undefined ? n : n + 3)));
    expect(moved.map((r) => r.partialFingerprints)).toEqual(before.map((r) => r.partialFingerprints));
  });
});

describe('sarifLog on formats without lines, repeats and unreadable files', () => {
  it('puts a PDF finding at line 1 and keeps its page in the properties and the message', () => {
    const l = sarifLog([fileResult('plans\\hmpps.pdf', [finding({})])], OPTIONS);
    expect(validate(l), JSON.stringify(validate.errors)).toBe(true);
    const r = results(l)[0];
    expect(r?.message).toEqual({ text: 'Action 2 of recommendation 4 has no responsible owner (page 3)' });
    expect(r?.locations?.[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'plans/hmpps.pdf', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1 },
      properties: { page: 3 },
    });
    expect(r?.locations?.[0]?.logicalLocations?.[0]?.fullyQualifiedName).toBe('recommendation 4/action 2');
  });

  it('names a table row for Word and HTML plans, and the model path for plan-level findings', () => {
    const planLevel = finding({ ruleId: 'plan-metadata', severity: 'warn', message: 'The submission date is missing', recommendation: null, action: null, location: { row: 5 }, path: 'plan.submitted' });
    const r = results(sarifLog([fileResult('plan.docx', [planLevel])], OPTIONS))[0];
    expect(r?.level).toBe('warning');
    expect(r?.message.text).toBe('The submission date is missing (row 5)');
    expect(r?.locations?.[0]?.physicalLocation?.properties).toEqual({ row: 5 });
    expect(r?.locations?.[0]?.logicalLocations).toEqual([{ fullyQualifiedName: 'plan.submitted', kind: 'object', decoratedName: 'plan.submitted' }]);
  });

  it('counts repeats of one fingerprint in the line hash, as GitHub does', () => {
    const twice = fileResult('plan.pdf', [finding({}), finding({ location: { page: 4 } })]);
    const [a, b] = results(sarifLog([twice], OPTIONS)).map((r) => r.partialFingerprints);
    expect(a?.['plancheck/v1']).toBe(b?.['plancheck/v1']);
    expect(a?.primaryLocationLineHash).toBe(`${a?.['plancheck/v1']}:1`);
    expect(b?.primaryLocationLineHash).toBe(`${a?.['plancheck/v1']}:2`);
  });

  it('reports an unreadable file as an error result and a failed invocation', () => {
    const fatal: FileResult = { path: 'plans/scan.pdf', fatal: 'no text layer: a scanned document', plan: null, findings: [], errorCount: 0, warningCount: 0 };
    const l = sarifLog([fatal, fileResult('plan.pdf', [finding({})])], { rules: OPTIONS.rules, toolVersion: VERSION });
    expect(validate(l), JSON.stringify(validate.errors)).toBe(true);
    const driverRules = l.runs[0]!.tool.driver.rules ?? [];
    expect(driverRules.map((r) => r.id)).toEqual([...rules.map((r) => r.id), 'unreadable-file']);
    const where = { physicalLocation: { artifactLocation: { uri: 'plans/scan.pdf', uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } } };
    expect(results(l)[0]).toMatchObject({ ruleId: 'unreadable-file', ruleIndex: rules.length, level: 'error', message: { text: 'no text layer: a scanned document' }, locations: [where] });
    expect(l.runs[0]?.invocations).toEqual([{ executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: 'no text layer: a scanned document' }, locations: [where] }] }]);
  });

  it('is still a valid log when there is nothing to report', () => {
    const l = sarifLog([], OPTIONS);
    expect(validate(l)).toBe(true);
    expect(l.runs[0]?.results).toEqual([]);
  });
});

describe('the built CLI', () => {
  it('writes the same log with validate --format sarif -o FILE, carrying the package version', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plancheck-sarif-'));
    try {
      const out = path.join(dir, 'plancheck.sarif');
      const run = plancheck(['validate', FIXTURE, '--format', 'sarif', '-o', out]);
      // 001-dlnr: 10 errors and 11 warnings (its stylish listing); standard error says what was written.
      expect(run).toEqual({ code: 1, stdout: '', stderr: `plancheck: wrote ${out}: 1 file, 10 errors, 11 warnings\n` });
      const l = JSON.parse(readFileSync(out, 'utf8')) as Log;
      expect(validate(l), JSON.stringify(validate.errors)).toBe(true);
      expect(l.runs[0]?.tool.driver.version).toBe(VERSION);
      // The reader's six repairs of 001-dlnr (its expected model's diagnostics but the two pairing ones, which
      // owner-due-alignment reports) are notifications of level note, in line order, not results.
      const notes = l.runs[0]?.invocations?.[0]?.toolExecutionNotifications ?? [];
      expect(notes.map((n) => [n.level, n.descriptor?.id, n.descriptor?.index, n.locations?.[0]?.physicalLocation?.region?.startLine])).toEqual([
        ['note', 'number-inferred', 0, 23],
        ['note', 'number-inferred', 0, 43],
        ['note', 'stray-cell', 1, 68],
        ['note', 'number-repeated', 2, 82],
        ['note', 'duplicate-line', 3, 106],
        ['note', 'noise-line', 4, 117],
      ]);
      expect(notes[0]?.message.text).toBe("rec 1: number 't i' unreadable; 1 inferred from order");
      expect(l.runs[0]?.tool.driver.notifications?.map((d) => d.id)).toEqual(['number-inferred', 'stray-cell', 'number-repeated', 'duplicate-line', 'noise-line']);
      expect(l.runs[0]?.invocations?.[0]?.executionSuccessful).toBe(true);
      expect(results(l).some((r) => r.message.text?.includes('inferred'))).toBe(false);
      expect(results(l).map((r) => r.partialFingerprints)).toEqual(results(log([seed])).map((r) => r.partialFingerprints));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints workflow commands with validate --format github', () => {
    const run = plancheck(['validate', FIXTURE, '--format', 'github']);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(seed.findings.length + 1);
    expect(lines).toContain(`::error file=${FIXTURE},line=53,title=action-owner::Action 7 of recommendation 3 has no responsible owner`);
    expect(lines.at(-1)).toBe(`plancheck: ${seed.findings.length} problems (${seed.errorCount} errors, ${seed.warningCount} warnings) in 1 file`);
  });
});
