import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readPlan } from '../../../src/read/index.js';
import { withoutLocations } from '../without-locations.js';

// As if the build had not written dist/pdfjs-dist: the reader must import pdfjs-dist's modules instead.
vi.mock('../../../src/read/pdf/compiled.js', () => ({
  compiledCopy: () => null,
  runCompiled: () => {
    throw new Error('runCompiled called without a script copy');
  },
}));

const dir = join(import.meta.dirname, '../../../fixtures/pdf');

describe('PDF reader without the script copies of pdfjs-dist', () => {
  // One unruled plan, and one whose rows the reader settles from the ruling lines (a second pdfjs pass).
  it.each(['wessex-stacked.pdf', 'severn-centred.chromium.pdf'])('reads %s as its hand-checked expectation', async (file) => {
    const expected = JSON.parse(readFileSync(join(dir, `${file.slice(0, file.indexOf('.'))}.expected.json`), 'utf8')) as { recommendations: unknown[] };
    const { document } = await readPlan({ path: file, bytes: readFileSync(join(dir, file)) });
    expect(withoutLocations(JSON.parse(JSON.stringify(document.recommendations)))).toEqual(expected.recommendations);
  });
});
