import type { Diagnostic, PlanDocument } from '../../model/plan.js';
import { assemblePlan } from '../assemble/index.js';
import { NoPlanError, ReadError } from '../errors.js';
import { sha256 } from '../hash.js';
import { extractMetadata } from '../metadata.js';
import type { ParsedPlan, ReadInput } from '../parsed.js';
import { decodeHtml } from './decode.js';
import { findPlanTables } from './find-table.js';
import { linesBefore } from './meta-lines.js';
import { parseHtml } from './parse.js';
import { readTableRows } from './rows.js';

/** Published plans are well under a megabyte as HTML; past this a file is not a plan. */
export const MAX_HTML_BYTES = 20 * 1024 * 1024;

/**
 * Read a plan from HTML markup: find the action-plan table by its header, read its rows (merged cells
 * honoured) into the shared table-to-model step, and the text above it into the plan's metadata.
 * `diagnostics` are the caller's own, put first.
 */
export function readHtmlMarkup(html: string, source: PlanDocument['source'], diagnostics: Diagnostic[] = []): ParsedPlan {
  const doc = parseHtml(html);
  const tables = findPlanTables(doc);
  if (tables.length === 0) throw new NoPlanError();
  const read = readTableRows(tables);
  const meta = extractMetadata([...linesBefore(doc, tables[0]!.el), ...read.metaLines]);
  const parsed = assemblePlan({ table: { rows: read.rows }, meta, source });
  // Not unshift(...): a hostile page can yield more diagnostics than a call can take arguments.
  parsed.document.diagnostics = diagnostics.concat(read.diagnostics, parsed.document.diagnostics);
  if (parsed.document.recommendations.length === 0) throw new ReadError('the action-plan table has a header but no rows');
  return parsed;
}

/** Read an HTML file into the model, or throw a ReadError with the one-line reason. */
export function readHtml(input: ReadInput): ParsedPlan {
  if (input.bytes.length > MAX_HTML_BYTES) {
    const mb = (n: number): string => `${Math.round(n / 1024 / 1024)} MB`;
    throw new ReadError(`HTML file too large to be an action plan (${mb(input.bytes.length)}; the limit is ${mb(MAX_HTML_BYTES)})`);
  }
  const diagnostics: Diagnostic[] = [];
  const html = decodeHtml(input.bytes, diagnostics);
  return readHtmlMarkup(html, { path: input.path, format: 'html', sha256: sha256(input.bytes), pages: null }, diagnostics);
}
