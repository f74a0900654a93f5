import { describe, expect, it } from 'vitest';
import { boundaryScore, chooseOwnerBoundaries } from '../../../src/read/cells/role-names.js';
import { JOINS_ON } from '../../../src/read/pdf/tight.js';

/** Owners' names wrapped greedily into lines of at most `width` characters, one under another with nothing between. */
function stacked(owners: readonly string[], width: number): string[][] {
  return owners.map((owner) => {
    const lines: string[] = [];
    for (const word of owner.split(' ')) {
      const last = lines.at(-1);
      if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
    }
    return lines;
  });
}

/**
 * Read the stacked owners back as the PDF reader sees them: all their lines in one run, a boundary possible
 * between two lines where the next starts with a capital and the one before does not end on a joining word
 * (tight.ts), and the owners' count known. Returns the owners read, or null when no split is clearly best.
 */
function partByWording(owners: readonly string[], width: number): string[] | null {
  const lines = stacked(owners, width).flat();
  const at = lines.map((_, i) => i).filter((i) => i > 0 && /^[A-Z0-9]/.test(lines[i]!) && !JOINS_ON.test(lines[i - 1]!));
  const chosen = chooseOwnerBoundaries(at.map((i) => ({ before: lines[i - 1]!, after: lines[i]! })), owners.length - 1);
  if (!chosen) return null;
  const cuts = [0, ...chosen.map((k) => at[k]!), lines.length];
  return cuts.slice(1).map((end, k) => lines.slice(cuts[k], end).join(' '));
}

describe('owners set one under another with nothing between, parted by their wording', () => {
  const parted: Array<[string, string[], number]> = [
    ['roles that end on a role word', ['Senior Probation Officers', 'Quality Development Officer', 'Learning and Development Business Partner'], 12],
    ['a role word alone on a line ends the title above it', ['Estates Manager', 'Office Manager', 'Head of PDU'], 14],
    ['an opener ("Area", "Regional") starts a title, never ends one', ['Area Director', 'Community Safety Partnership Manager', 'Head of Service'], 12],
    ['two roles of one word each line', ['Chief Executive', 'Finance Director'], 10],
    ['a body ("Team") ends a title; a role word is no start on its own', ['Regional Reducing Reoffending Lead', 'Contract Management Team'], 12],
    ['an acronym starts a title', ['Director of Probation Digital Services', 'HMPPS Electronic Monitoring Contract Manager', 'NPS Area Lead'], 22],
    ['a bracket closes a title', ['Deputy Head of PDU (Quality and Performance)', 'Court SPOs'], 16],
    ['titles joined by "and" stay whole', ['Safeguarding Lead and Deputy Head of PDU', 'Regional Safeguarding Manager'], 14],
    ['four owners', ['Youth Justice Service Manager', 'Police Inspector', 'Victim Liaison Officers', 'Head of Public Protection'], 16],
  ];
  it.each(parted)('%s', (_, owners, width) => {
    // Wrapped, so that some owner's lines offer boundaries inside it.
    expect(stacked(owners, width).some((lines) => lines.length > 1)).toBe(true);
    expect(partByWording(owners, width)).toEqual(owners);
  });

  it('keeps one owner where nothing in the wording ends a title', () => {
    // "Head of Public" / "Protection and" / "Safeguarding": said to be two owners, but only "Public" | "Protection" could part.
    expect(partByWording(['Head of Public', 'Protection and Safeguarding'], 14)).toBeNull();
  });

  it('keeps them as they are where two splits are equally plain', () => {
    // Three bodies for two owners: "Case Administrators" | "Office Managers" and "Office Managers" | "Team Leaders" are alike.
    const lines = ['Case Administrators', 'Office Managers', 'Team Leaders'];
    expect(chooseOwnerBoundaries([{ before: lines[0]!, after: lines[1]! }, { before: lines[1]!, after: lines[2]! }], 1)).toBeNull();
  });

  it('never parts after an opener or before a role word standing alone', () => {
    expect(boundaryScore('Senior', 'Probation Officers')).toBeLessThan(1);
    expect(boundaryScore('Estates', 'Manager')).toBeLessThan(1);
    expect(boundaryScore('HMPPS Resourcing', 'Lead (North East)')).toBeLessThan(1);
    expect(boundaryScore('Estates Manager', 'Head of PDU')).toBeGreaterThanOrEqual(1);
    // A role word that names the kind of the next ("Lead Practitioner", "Team Manager") may start a title.
    expect(boundaryScore('Head of PDU', 'Lead Practitioner')).toBeGreaterThanOrEqual(1);
  });

  it('asks for more boundaries than there are: none chosen', () => {
    expect(chooseOwnerBoundaries([{ before: 'Head of PDU', after: 'SPOs' }], 2)).toBeNull();
    expect(chooseOwnerBoundaries([], 0)).toBeNull();
  });
});
