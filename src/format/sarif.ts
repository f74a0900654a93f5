import type { Location as SarifLocation, Log, Notification, ReportingDescriptor, Result } from 'sarif';
import type { Location } from '../model/plan.js';
import type { FileResult, Finding, ReadingNote, Severity } from '../model/result.js';
import { REPOSITORY_URL, repositoryFileUrl, ruleDocsUri } from './common/docs-url.js';
import { FINGERPRINT_KEY, findingFingerprint, portablePath } from './common/fingerprint.js';
import { placeSuffix } from './common/place.js';
import { notesOf } from './common/counts.js';
import type { FormatOptions, RuleInfo } from './types.js';

/** The SARIF formatter also needs the tool's version, which the CLI reads from package.json. */
export interface SarifOptions extends Pick<FormatOptions, 'rules' | 'generatedAt'> {
  toolVersion: string;
}

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/**
 * GitHub reads relative URIs from the repository root and ignores `originalUriBaseIds`, so, as in CodeQL's own logs,
 * paths are relative with the base named `%SRCROOT%` and no path of the linting machine is written.
 */
const SRCROOT = '%SRCROOT%';

/**
 * Not a rule of the registry: the descriptor of the result that stands for a file plancheck could not read. It is
 * a result rather than only a tool notification because GitHub shows results as alerts and keeps third-party
 * notifications out of sight.
 */
export const UNREADABLE_RULE: RuleInfo = {
  id: 'unreadable-file',
  description: 'The file could not be read as an action plan (not a PDF, Word, HTML or text export, damaged, encrypted or a scan)',
  defaultSeverity: 'error',
  docs: 'docs/ci.md#unreadable-files',
};

function level(severity: Severity): 'error' | 'warning' {
  return severity === 'error' ? 'error' : 'warning';
}

function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_m, _dash: string, c: string) => c.toUpperCase());
}

function descriptor(rule: RuleInfo): ReportingDescriptor {
  const helpUri = rule.id === UNREADABLE_RULE.id ? repositoryFileUrl(rule.docs) : ruleDocsUri(rule.id);
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    help: { text: `${rule.description}\n\nDocumentation: ${helpUri}`, markdown: `${rule.description}\n\n[Documentation of ${rule.id}](${helpUri})` },
    helpUri,
    defaultConfiguration: { level: level(rule.defaultSeverity) },
  };
}

/** `recommendation 4/action 2`, `recommendation 4`, or the model path of a plan-level finding. */
function logicalName(f: Finding): string {
  if (f.recommendation === null) return f.path === '' ? 'plan' : f.path;
  return f.action === null ? `recommendation ${f.recommendation}` : `recommendation ${f.recommendation}/action ${f.action}`;
}

function location(uri: string, f: Finding | null, loc: Location = f?.location ?? {}): SarifLocation {
  // GitHub refuses a result without a region, and PDF pages and table rows have no line: those results point at
  // line 1 and keep their page or row in the properties, the message and the logical location.
  const physicalLocation: SarifLocation['physicalLocation'] = {
    artifactLocation: { uri, uriBaseId: SRCROOT },
    region: { startLine: loc.line ?? 1 },
  };
  if (loc.line === undefined && (loc.page !== undefined || loc.row !== undefined)) {
    physicalLocation.properties = loc.page !== undefined ? { page: loc.page } : { row: loc.row };
  }
  if (!f) return { physicalLocation };
  const logical = { fullyQualifiedName: logicalName(f), kind: 'object', ...(f.path === '' ? {} : { decoratedName: f.path }) };
  return { physicalLocation, logicalLocations: [logical] };
}

/**
 * A reading note as a tool notification of level `note`: something the tool did while reading the file, not a
 * result about the plan, so that code scanning neither shows it as an alert nor counts it.
 */
function noteNotification(uri: string, note: ReadingNote, kinds: Map<string, number>): Notification {
  const notification: Notification = {
    level: 'note',
    message: { text: `${note.message}${placeSuffix(note.location)}` },
    locations: [location(uri, null, note.location)],
  };
  if (note.code !== null) {
    if (!kinds.has(note.code)) kinds.set(note.code, kinds.size);
    notification.descriptor = { id: note.code, index: kinds.get(note.code) };
  }
  return notification;
}

/** The driver's notification descriptors, one per kind of reading note in the log, or nothing when there is none. */
function noteDescriptors(kinds: ReadonlyMap<string, number>): { notifications?: ReportingDescriptor[] } {
  if (kinds.size === 0) return {};
  return { notifications: [...kinds.keys()].map((id) => ({ id, helpUri: repositoryFileUrl('docs/cli.md#reading-notes') })) };
}

/** Fingerprints as GitHub expects them: the stable hash, and `hash:n` counting repeats of it within the file. */
function fingerprinter(uri: string): (f: Pick<Finding, 'ruleId' | 'recommendation' | 'path' | 'message'>) => Result['partialFingerprints'] {
  const seen = new Map<string, number>();
  return (f) => {
    const hash = findingFingerprint(uri, f);
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return { primaryLocationLineHash: `${hash}:${n}`, [FINGERPRINT_KEY]: hash };
  };
}

/**
 * Build the SARIF 2.1.0 log: one run, every rule as a descriptor, one result per finding and per unreadable file,
 * and each reading note as a tool execution notification of level `note`.
 */
export function sarifLog(results: readonly FileResult[], options: SarifOptions): Log {
  const fatal = results.filter((r) => r.fatal !== null);
  const rules = fatal.length > 0 ? [...options.rules, UNREADABLE_RULE] : [...options.rules];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const out: Result[] = [];
  const notifications: Notification[] = [];
  // The kinds of reading note met, in order: each is described once in the driver's notification descriptors.
  const noteKinds = new Map<string, number>();
  for (const r of results) {
    const uri = portablePath(r.path);
    const fingerprints = fingerprinter(uri);
    if (r.fatal !== null) {
      const message = { text: r.fatal };
      const where = location(uri, null);
      const unreadable = { ruleId: UNREADABLE_RULE.id, recommendation: null, path: '', message: r.fatal };
      out.push({ ruleId: UNREADABLE_RULE.id, ruleIndex: index.get(UNREADABLE_RULE.id), level: 'error', message, locations: [where], partialFingerprints: fingerprints(unreadable) });
      notifications.push({ level: 'error', message, locations: [where] });
      continue;
    }
    for (const f of r.findings) {
      out.push({
        ruleId: f.ruleId,
        ruleIndex: index.get(f.ruleId),
        level: level(f.severity),
        message: { text: `${f.message}${placeSuffix(f.location)}` },
        locations: [location(uri, f)],
        partialFingerprints: fingerprints(f),
        ...(f.reportRecommendation === undefined ? {} : { properties: { reportRecommendation: f.reportRecommendation } }),
      });
    }
    for (const note of notesOf(r)) notifications.push(noteNotification(uri, note, noteKinds));
  }
  const invocation: NonNullable<Log['runs'][number]['invocations']>[number] = { executionSuccessful: fatal.length === 0 };
  if (notifications.length > 0) invocation.toolExecutionNotifications = notifications;
  if (options.generatedAt !== undefined) invocation.endTimeUtc = options.generatedAt;
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'plancheck', informationUri: REPOSITORY_URL, version: options.toolVersion, rules: rules.map(descriptor), ...noteDescriptors(noteKinds) } },
        invocations: [invocation],
        results: out,
      },
    ],
  };
}

/** `validate --format sarif`: the SARIF log as pretty JSON with a trailing newline. */
export function formatSarif(results: FileResult[], options: SarifOptions): string {
  return `${JSON.stringify(sarifLog(results, options), null, 2)}\n`;
}
