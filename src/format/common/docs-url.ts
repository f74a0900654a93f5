/**
 * Where plancheck's documentation is published. Every link an output gives (SARIF help, the HTML report, `plancheck
 * rules`) is built here, so that it works wherever the output is opened, unlike a path on the linting machine.
 */
export const REPOSITORY_URL = 'https://github.com/plancheck/plancheck';

/** The published copy of a file of the repository, such as `docs/ci.md#unreadable-files`. */
export function repositoryFileUrl(pathInRepository: string): string {
  return `${REPOSITORY_URL}/blob/main/${pathInRepository}`;
}

/** Where each rule's docs page is published: `<RULE_DOCS_BASE>/<id>.md`. */
export const RULE_DOCS_BASE = repositoryFileUrl('docs/rules');

/** A rule's docs page inside the package: `docs/rules/<id>.md`. */
export function ruleDocsPath(id: string): string {
  return `docs/rules/${id}.md`;
}

/** A rule's docs page under `base` (the published pages by default): `<base>/<id>.md`. */
export function ruleDocsUri(id: string, base = RULE_DOCS_BASE): string {
  return `${base.replace(/\/+$/, '')}/${encodeURIComponent(id)}.md`;
}
