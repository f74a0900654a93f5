import { RULE_DOCS_BASE } from '../report/docs-uri.js';
import { formatHtml } from '../report/html.js';
import { formatJson } from '../report/json.js';
import { formatStylish } from '../report/stylish.js';
import type { Formatter } from '../report/types.js';

/**
 * The `validate --format` choices, in the order `--help` lists them; the first is the default. A new format
 * is one pure formatter module in src/report/ and one line here.
 */
export const validateFormats: Readonly<Record<string, Formatter>> = {
  stylish: formatStylish,
  json: formatJson,
  html: (results, options) => formatHtml(results, { cwd: options.cwd, generatedAt: options.generatedAt, docsBaseUri: RULE_DOCS_BASE }),
};
