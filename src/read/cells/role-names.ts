/**
 * Where one owner's name ends and the next one's begins, told from the words alone: for owners set one under
 * another with nothing between them (no spacing, every line full), when it is known how many there are.
 */

/** Words naming a person's role, which end a title ("Estates Manager") and start one only before "of" ("Head of PDU"). */
const PERSON =
  /^(?:manager|officer|director|lead|partner|administrator|co-?ordinator|worker|practitioner|adviser|advisor|analyst|assessor|specialist|tutor|supervisor|governor|commissioner|champion|chair|chairperson|secretary|executive|head|inspector|mentor|caseworker|clerk|trainer|leader|owner|sponsor|controller|planner|consultant|nurse|psychologist)s?$/i;
/** Words naming a body, which may end a title ("Reducing Reoffending Board"), or name a function in the middle of one. */
const BODY = /^(?:team|board|group|panel|committee|unit|staff|forum|service|directorate|department|division|partnership|hub|network)s?$/i;
/** Words that open a title and do not end one: "Senior", "Deputy", "Regional". */
const OPENER = /^(?:senior|deputy|assistant|acting|interim|chief|principal|regional|area|national|local|joint|all|every|each)$/i;
/** An acronym ("PDU", "SPOs", "HMPPS"), which names a body or a role wherever it stands. */
const ACRONYM = /^[A-Z][A-Z&]+s?$/;

const words = (line: string): string[] => line.trim().split(/\s+/).filter(Boolean);

/** How plainly a line can end an owner's name: by a role, an acronym or a closing bracket; never by an opener. */
function endScore(line: string): number {
  const last = words(line).at(-1) ?? '';
  if (/\)$/.test(last) || ACRONYM.test(last) || PERSON.test(last)) return 2;
  const bare = last.replace(/[^A-Za-z-]/g, '');
  if (OPENER.test(bare)) return -2;
  // A plural ends its noun phrase as a rule ("Services", "Courts"), a body often does.
  if (BODY.test(bare) || (/[^s]s$/.test(bare) && bare.length > 3)) return 1;
  return 0;
}

/** How plainly a line can start an owner's name: an opener, an acronym, or a role before "of"; never a role alone. */
function startScore(line: string): number {
  const [first = '', second] = words(line);
  const bare = first.replace(/[^A-Za-z-]/g, '');
  if (OPENER.test(bare) || ACRONYM.test(first)) return 1;
  if (PERSON.test(bare) || BODY.test(bare)) {
    if (second === 'of') return 1;
    // "Lead Practitioner", "Team Manager": a role word that names the kind of the next one.
    return second !== undefined && /^[A-Z]/.test(second) ? 0 : -2;
  }
  return 0;
}

/** How plausible a boundary between two owners is after the line `before` and before the line `after`. */
export function boundaryScore(before: string, after: string): number {
  return endScore(before) + startScore(after);
}

/** A boundary scored below this is no owner's end; the one chosen last must beat the best one left by as much. */
const PLAIN = 1;

/**
 * Choose `needed` of the possible boundaries (each a line `before` it and a line `after`) as the places where one
 * owner ends and the next begins, by how plainly each line can end or start a role's name. Returns their indices,
 * or null unless one choice is clearly best: each chosen boundary plain, and the weakest of them plainly better
 * than the strongest left out.
 */
export function chooseOwnerBoundaries(boundaries: ReadonlyArray<{ before: string; after: string }>, needed: number): number[] | null {
  if (needed <= 0 || boundaries.length < needed) return null;
  const ranked = boundaries.map((b, i) => ({ i, score: boundaryScore(b.before, b.after) })).sort((a, b) => b.score - a.score);
  const weakest = ranked[needed - 1]!.score;
  const next = ranked[needed]?.score ?? -Infinity;
  if (weakest < PLAIN || weakest - next < PLAIN) return null;
  return ranked.slice(0, needed).map((r) => r.i).sort((a, b) => a - b);
}
