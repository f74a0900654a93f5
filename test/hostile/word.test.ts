import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { rawZip } from '../../fixtures/make/lib/zip.mjs';
import { damageEntry, seededBytes, zipBombDocx } from '../../fixtures/hostile/make.mjs';
import { ROOT } from '../cli/run.js';
import { caseDir, convertWithGood, copyInto, expectRefused, tempRoot } from './harness.js';

const tmp = tempRoot('hostile-word');
afterAll(tmp.remove);
const goodDocx = (): Buffer => readFileSync(path.join(ROOT, 'fixtures/plans/borderless.docx'));

function deflated(name: string, text: string): { name: string; data: Buffer; method: 8; size: number; crc: number } {
  const data = Buffer.from(text, 'utf8');
  return { name, data: deflateRawSync(data), method: 8, size: data.length, crc: crc32(data) };
}

describe('Word files that cannot be read', { timeout: 120_000 }, () => {
  it('a zip whose document.xml data is corrupt: damaged Word file, naming the part', () => {
    const dir = caseDir(tmp.dir, 'corrupt', { 'corrupt.docx': damageEntry(goodDocx(), 'word/document.xml') });
    const bad = path.join(dir, 'corrupt.docx');
    // The words after the part's name are zlib's own ("invalid bit length repeat" and the like).
    expectRefused(convertWithGood(dir, [bad]), [[bad, /^damaged Word file: word\/document\.xml: [a-z][a-z ]+$/]]);
  });

  it('a .docx cut short: damaged Word file, no central directory', () => {
    const whole = goodDocx();
    const dir = caseDir(tmp.dir, 'cut', { 'cut.docx': whole.subarray(0, Math.floor(whole.length * 0.6)) });
    const bad = path.join(dir, 'cut.docx');
    expectRefused(convertWithGood(dir, [bad]), [[bad, 'damaged Word file: no zip central directory found (the file is cut short or is not a zip)']]);
  });

  it('a sound zip whose document.xml is not XML: damaged Word file', () => {
    const docx = rawZip([
      deflated('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>'),
      deflated('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
      deflated('word/document.xml', 'Action plan <<< & not XML at all'),
    ]);
    const dir = caseDir(tmp.dir, 'not-xml', { 'not-xml.docx': docx });
    const bad = path.join(dir, 'not-xml.docx');
    expectRefused(convertWithGood(dir, [bad]), [[bad, 'damaged Word file: its XML is not well-formed']]);
  });

  it('random bytes named .docx: not a Word file', () => {
    const dir = caseDir(tmp.dir, 'random', { 'random.docx': seededBytes(3000, 99) });
    const bad = path.join(dir, 'random.docx');
    expectRefused(convertWithGood(dir, [bad]), [[bad, 'not a Word file (not a zip archive): the file is damaged or is another kind of file named .docx']]);
  });

  it('a zip bomb (1 GiB of XML from 1 MB) is refused from its sizes, quickly, whether it declares them or hides them', () => {
    const honest = zipBombDocx({ honest: true });
    const hidden = zipBombDocx({ honest: false });
    expect(honest.length).toBeLessThan(1.1 * 1024 * 1024);
    const dir = caseDir(tmp.dir, 'bomb', { 'bomb-declared.docx': honest, 'bomb-hidden.docx': hidden });
    // Were the gigabyte inflated, the run would go past the test's time limit (and memory); the refusal comes from the sizes.
    const result = convertWithGood(dir, [path.join(dir, 'bomb-declared.docx'), path.join(dir, 'bomb-hidden.docx')]);
    expectRefused(result, [
      [path.join(dir, 'bomb-declared.docx'), 'word/document.xml expands to more than 10 MB: refusing a possible zip bomb'],
      [path.join(dir, 'bomb-hidden.docx'), 'word/document.xml expands to more than the 20000 bytes its zip entry declares: refusing a possible zip bomb'],
    ]);
  });

  it('a legacy .doc (made by LibreOffice from a plan) is not read as text: save it as .docx', () => {
    const dir = caseDir(tmp.dir, 'legacy');
    const bad = copyInto(dir, 'fixtures/hostile/legacy.doc');
    expectRefused(convertWithGood(dir, [bad]), [[bad, 'a legacy Office binary file (such as a Word .doc): save it as .docx']]);
  });

  it('a password-protected .docx (an OLE container, not a zip): remove the password', () => {
    const dir = caseDir(tmp.dir, 'protected');
    const bad = copyInto(dir, 'fixtures/hostile/password-protected.docx');
    expectRefused(convertWithGood(dir, [bad]), [[bad, 'a password-protected Office file: remove the password and save it again as .docx']]);
  });
});
