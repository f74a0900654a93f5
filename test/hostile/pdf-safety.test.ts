import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { plancheck } from '../cli/run.js';
import { tempRoot } from './harness.js';

const tmp = tempRoot('hostile-pdf-safety');
afterAll(tmp.remove);

/**
 * Loaded before the CLI: every network call fails and is logged, and so is every file pdfjs reads by
 * itself (its own font and CMap data is the only thing it may read).
 */
const PRELOAD = `
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
const note = (what) => fs.appendFileSync(process.env.PLANCHECK_TEST_SAFETY_LOG, what + '\\n');
for (const [mod, names] of [[http, ['request', 'get']], [https, ['request', 'get']], [net, ['connect', 'createConnection']], [tls, ['connect']]]) {
  for (const name of names) mod[name] = () => { note('network: ' + name); throw new Error('no network here'); };
}
globalThis.fetch = async (url) => { note('fetch: ' + url); throw new Error('no fetch here'); };
const readFile = fs.promises.readFile;
fs.promises.readFile = (file, ...rest) => {
  if (/pdfjs-dist/.test(new Error().stack ?? '')) note('read: ' + file);
  return readFile(file, ...rest);
};
`;

/** Each PDF, what the CLI says of it, and whether pdfjs loads its own font data for it (the log's control case). */
const CASES: Array<[string, RegExp, boolean?]> = [
  ['fixtures/hostile/booby-trapped.pdf', /^plancheck: fixtures\/hostile\/booby-trapped\.pdf: no action-plan table found\n/, true],
  ['fixtures/plans/parallel.pdf', /^Converted 1 file: 10 recommendations, 43 actions, 0 failed/],
  ['fixtures/pdf/wessex-stacked.chromium.pdf', /^Converted 1 file: 4 recommendations/],
  ['fixtures/pdf/tiny.owner-password.pdf', /^Converted 1 file: 1 recommendation, 1 action, 0 failed/],
  ['fixtures/pdf/fatal/encrypted.pdf', /: encrypted PDF: cannot read without its password\n/],
  ['fixtures/pdf/fatal/scanned.pdf', /: no text layer: scanned document\?\n/],
];

describe('pdfjs reads untrusted PDFs without running their code or reaching out', { timeout: 120_000 }, () => {
  it.each(CASES)('%s: read as usual with code generation from strings disallowed; no network; reads only its own data', (file, stderr, loadsFont) => {
    const preload = path.join(tmp.dir, 'preload.mjs');
    writeFileSync(preload, PRELOAD);
    const log = path.join(tmp.dir, `${path.basename(file)}.log`);
    writeFileSync(log, '');
    const run = plancheck(['convert', file], {
      env: {
        NODE_OPTIONS: `--disallow-code-generation-from-strings --import=${pathToFileURL(preload).href}`,
        PLANCHECK_TEST_SAFETY_LOG: log,
      },
    });
    expect(run.stderr).toMatch(stderr);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    const reads = readFileSync(log, 'utf8').split('\n').filter((l) => l !== '');
    expect(reads.filter((l) => !/^read: .*[/\\]node_modules[/\\]pdfjs-dist[/\\](standard_fonts|cmaps)[/\\]/.test(l))).toEqual([]);
    // The booby-trapped PDF's font is not embedded, so pdfjs reads its own copy: proof that the log sees reads.
    if (loadsFont) expect(reads).toContainEqual(expect.stringMatching(/^read: .*standard_fonts[/\\]LiberationSans-Regular\.ttf$/));
  });
});
