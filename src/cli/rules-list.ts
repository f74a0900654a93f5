import { ruleDocsPath, ruleDocsUri } from '../format/common/docs-url.js';
import type { RuleInfo } from '../format/types.js';
import type { AnyRule } from '../rules/types.js';

/** What `plancheck rules` and the formatters show of each rule. */
export function ruleInfos(rules: readonly AnyRule[]): RuleInfo[] {
  return rules.map((r) => ({ id: r.id, description: r.description, defaultSeverity: r.defaultSeverity, docs: ruleDocsPath(r.id) }));
}

/**
 * `plancheck rules` as an aligned table. The docs column gives each page's web address, which works wherever
 * plancheck is installed (a path inside the package would not). The description comes last so that a long
 * one does not push the other columns apart.
 */
export function rulesTable(infos: readonly RuleInfo[]): string {
  const header = { id: 'RULE', defaultSeverity: 'DEFAULT', docs: 'DOCS', description: 'DESCRIPTION' };
  const rows = [header, ...infos.map((r) => ({ ...r, docs: ruleDocsUri(r.id) }))];
  const width = (key: 'id' | 'defaultSeverity' | 'docs'): number => Math.max(...rows.map((r) => r[key].length));
  const [w1, w2, w3] = [width('id'), width('defaultSeverity'), width('docs')];
  return rows.map((r) => `${r.id.padEnd(w1)}  ${r.defaultSeverity.padEnd(w2)}  ${r.docs.padEnd(w3)}  ${r.description}\n`).join('');
}

/** `plancheck rules --format json`: the same facts as a JSON array, `docs` the page in the package and `url` its web address. */
export function rulesJson(infos: readonly RuleInfo[]): string {
  return `${JSON.stringify(infos.map((r) => ({ ...r, url: ruleDocsUri(r.id) })), null, 2)}\n`;
}
