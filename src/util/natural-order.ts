/**
 * Compare two identifiers made of ASCII letters, digits and punctuation (finding paths such as
 * `recommendations[10].actions[2]`, rule ids), with each run of digits taken as a number: `[2]` before `[10]`.
 * Anything else compares by code unit, which for these strings is the order Unicode's collation gives too.
 *
 * Not `localeCompare` or `Intl.Collator`: the first use of either in a process loads ICU's collation data, about
 * 9 ms on the development machine, which every worker process and every short run of the CLI paid to sort a few findings.
 */
export function compareNatural(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      const endA = digitsEnd(a, i);
      const endB = digitsEnd(b, j);
      const byValue = compareDigits(a.slice(i, endA), b.slice(j, endB));
      if (byValue !== 0) return byValue;
      i = endA;
      j = endB;
      continue;
    }
    if (ca !== cb) return ca < cb ? -1 : 1;
    i++;
    j++;
  }
  return a.length - i - (b.length - j);
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

function digitsEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && isDigit(text.charCodeAt(end))) end++;
  return end;
}

/** Two runs of digits by value (leading zeros aside), then the shorter run first ("2" before "02"). */
function compareDigits(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  if (x.length !== y.length) return x.length - y.length;
  if (x !== y) return x < y ? -1 : 1;
  return a.length - b.length;
}
