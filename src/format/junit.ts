import type { FileResult, Finding } from '../model/result.js';
import { placeWords, subject } from './common/place.js';
import { printable } from './common/printable.js';

/**
 * Text made safe for XML 1.0 element content and attribute values: control characters (which a damaged plan or a
 * file name can carry, and XML cannot hold or a CI log would act on) shown as \xHH as in every format read by
 * people, line breaks kept in element content only; the non-characters and lone surrogates XML cannot hold
 * replaced by U+FFFD; the five special characters escaped.
 */
function xml(s: string, keepBreaks = true): string {
  return printable(s, keepBreaks)
    .replace(/[\ufffe\uffff]/g, '\ufffd')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

function attrs(pairs: ReadonlyArray<[string, string | number]>): string {
  return pairs.map(([k, v]) => ` ${k}="${xml(String(v), false)}"`).join('');
}

/** The rule and the message, which names the recommendation and action, so that each case's name is its own. */
function caseName(f: Finding): string {
  const where = placeWords(f.location);
  return `${f.ruleId}: ${f.message}${where === null ? '' : ` (${where})`}`;
}

/** One finding as a test case: an error fails it; a warning passes, its message kept in system-out. */
function findingCase(file: string, f: Finding): string {
  const head = `    <testcase${attrs([['classname', file], ['name', caseName(f)], ['file', file], ['time', 0]])}>`;
  if (f.severity === 'error') {
    return `${head}\n      <failure${attrs([['type', f.ruleId], ['message', f.message]])}>${xml(`${f.message}\n${subject(f)}, ${placeWords(f.location) ?? 'the plan as a whole'}`)}</failure>\n    </testcase>\n`;
  }
  return `${head}\n      <system-out>${xml(`warning: ${f.message}`)}</system-out>\n    </testcase>\n`;
}

function suite(r: FileResult): { xml: string; tests: number; failures: number; errors: number } {
  const open = (tests: number, failures: number, errors: number): string =>
    `  <testsuite${attrs([['name', r.path], ['tests', tests], ['failures', failures], ['errors', errors], ['skipped', 0], ['time', 0]])}>\n`;
  if (r.fatal !== null) {
    const body = `    <testcase${attrs([['classname', r.path], ['name', 'read the plan'], ['file', r.path], ['time', 0]])}>\n      <error${attrs([['type', 'unreadable'], ['message', r.fatal]])}>${xml(r.fatal)}</error>\n    </testcase>\n`;
    return { xml: `${open(1, 0, 1)}${body}  </testsuite>\n`, tests: 1, failures: 0, errors: 1 };
  }
  if (r.findings.length === 0) {
    const body = `    <testcase${attrs([['classname', r.path], ['name', 'no problems'], ['file', r.path], ['time', 0]])}/>\n`;
    return { xml: `${open(1, 0, 0)}${body}  </testsuite>\n`, tests: 1, failures: 0, errors: 0 };
  }
  const failures = r.findings.filter((f) => f.severity === 'error').length;
  const body = r.findings.map((f) => findingCase(r.path, f)).join('');
  return { xml: `${open(r.findings.length, failures, 0)}${body}  </testsuite>\n`, tests: r.findings.length, failures, errors: 0 };
}

/**
 * `validate --format junit`: JUnit XML as GitLab, Jenkins and Azure Pipelines read it. A test suite per plan
 * file; in it a test case per finding, failed for an error, passed with the message in `system-out` for a
 * warning (so that the test report fails exactly when the run does); a clean plan is one passing case, and a
 * file that could not be read one case in error.
 */
export function formatJunit(results: FileResult[]): string {
  const suites = results.map(suite);
  const sum = (key: 'tests' | 'failures' | 'errors'): number => suites.reduce((n, s) => n + s[key], 0);
  const head = `<testsuites${attrs([['name', 'plancheck'], ['tests', sum('tests')], ['failures', sum('failures')], ['errors', sum('errors')], ['time', 0]])}>\n`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${head}${suites.map((s) => s.xml).join('')}</testsuites>\n`;
}
