/**
 * Where each rule's docs page is published: `<RULE_DOCS_BASE>/<id>.md`. SARIF help links and the HTML
 * report point here, so the link works wherever the report is opened, unlike a path on the linting machine.
 */
export const RULE_DOCS_BASE = 'https://github.com/plancheck/plancheck/blob/main/docs/rules';

/** The published docs page of one rule. */
export function ruleDocsUri(id: string): string {
  return `${RULE_DOCS_BASE}/${id}.md`;
}
