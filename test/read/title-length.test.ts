import { describe, expect, it } from 'vitest';
import { mapHeaderRow, measureTitle, normaliseHeader, tooLongForTitle } from '../../src/read/columns.js';

const letters = (n: number): string => 'abcdefghij'.repeat(Math.ceil(n / 10)).slice(0, n);

describe('a header cell surely too long for a title, told without normalising it', () => {
  it('counts what normalising keeps: more than 60 letters, digits, # and / is too long; 60 is not', () => {
    expect(tooLongForTitle([measureTitle(letters(61))])).toBe(true);
    expect(tooLongForTitle([measureTitle(letters(60))])).toBe(false);
    // Punctuation and spaces are not counted: 60 letters set apart by them are still a title's length.
    expect(tooLongForTitle([measureTitle(letters(60).replace(/(.{5})/g, '$1, – '))])).toBe(false);
    expect(tooLongForTitle([measureTitle(`${letters(30)}#/${letters(29)}`)])).toBe(true);
  });

  it('adds up the pieces a cell is put together from, less a leading number', () => {
    expect(tooLongForTitle([measureTitle(letters(31)), measureTitle(letters(30))])).toBe(true);
    expect(tooLongForTitle([measureTitle(`12. ${letters(59)}`)])).toBe(false);
    expect(tooLongForTitle([measureTitle(`12. ${letters(61)}`)])).toBe(true);
  });

  it('says nothing of a cell with a bracket or a tag, which normalising takes out with what they hold', () => {
    expect(tooLongForTitle([measureTitle(`Response (${letters(80)})`)])).toBe(false);
    expect(tooLongForTitle([measureTitle(letters(70)), measureTitle('<b>')])).toBe(false);
    expect(normaliseHeader(`Response (${letters(80)})`)).toBe('response');
  });

  it('is never wrong: what it calls too long normalises past 60 characters, and no header row has it', () => {
    const words = ['Action', '4.', '12', '(see', 'note)', 'O’Brien', 'Ünïcode', 'a/b', '#3', '–', 'İstanbul', 'K', 'by', '<i>', 'x)', '  '];
    let checked = 0;
    for (let seed = 1; seed < 4000; seed++) {
      let n = seed;
      const parts: string[] = [];
      while (parts.join(' ').length < 140) {
        parts.push(words[n % words.length]!);
        n = Math.floor(n / 3) + seed * 7;
      }
      const text = parts.join(' ');
      if (!tooLongForTitle(parts.map(measureTitle))) continue;
      checked++;
      expect(normaliseHeader(text).length).toBeGreaterThan(60);
      expect(mapHeaderRow(['Recommendation', 'Response', text])).toBeNull();
    }
    expect(checked).toBeGreaterThan(100);
  });
});
