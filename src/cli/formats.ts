import { RULE_DOCS_BASE } from '../format/common/docs-url.js';
import { formatGithub } from '../format/github.js';
import { formatGitlab } from '../format/gitlab.js';
import { formatHtml } from '../format/html.js';
import { formatJson } from '../format/json.js';
import { formatJunit } from '../format/junit.js';
import { formatSarif } from '../format/sarif.js';
import { formatStylish } from '../format/stylish.js';
import type { Formatter } from '../format/types.js';
import { VERSION } from './version.js';

/**
 * The `validate --format` choices, in the order `--help` lists them; the first is the default. A new format
 * is one pure formatter module in src/format/ and one line here.
 */
export const validateFormats: Readonly<Record<string, Formatter>> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: (results, options) => formatSarif(results, { rules: options.rules, generatedAt: options.generatedAt, toolVersion: VERSION }),
  github: formatGithub,
  junit: formatJunit,
  gitlab: formatGitlab,
  html: (results, options) => formatHtml(results, { cwd: options.cwd, generatedAt: options.generatedAt, docsBaseUri: RULE_DOCS_BASE }),
};
