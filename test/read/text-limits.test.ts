import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NoPlanError, ReadError } from '../../src/read/errors.js';
import { MAX_TEXT_BYTES } from '../../src/read/limits.js';
import { readTextExport } from '../../src/read/text/index.js';

const seed = readFileSync(join(import.meta.dirname, '../../fixtures/text/000-london.txt'));

describe('text reader limits and encodings', () => {
  it('refuses a file far larger than any plan, with the reason', () => {
    const big = Buffer.alloc(MAX_TEXT_BYTES + 1, 'a');
    expect(() => readTextExport({ path: 'big.txt', bytes: big })).toThrowError(new ReadError('text file too large to be an action plan (20 MB; the limit is 20 MB)'));
  });

  it('reads a Windows-1252 file, saying so', () => {
    const text = seed.toString('utf8').replace("Her Majesty's", 'Her Majesty\u2019s').replace('London NPS should ensure', 'London NPS should ensure \u2013');
    const bytes = Buffer.from(text.replace(/\u2019/g, '\x92').replace(/\u2013/g, '\x96'), 'latin1');
    const { document } = readTextExport({ path: 'cp1252.txt', bytes });
    expect(document.recommendations[0]!.text).toMatch(/^London NPS should ensure – that risk of harm/);
    expect(document.diagnostics[0]).toEqual({ message: 'the file is not valid UTF-8; read as Windows-1252', location: { line: 1 }, code: 'encoding' });
  });

  it('says there is no table in a text file that holds no plan', () => {
    expect(() => readTextExport({ path: 'notes.txt', bytes: Buffer.from('Minutes of the meeting\n\nNothing to report.\n') })).toThrowError(new NoPlanError());
  });
});
