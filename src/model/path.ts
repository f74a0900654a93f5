/** Model paths: the way rules and the source map name a place in the model. */
export type PathSegments = ReadonlyArray<string | number>;

/** Render segments as `recommendations[3].actions[1].owner`. */
export function formatPath(segments: PathSegments): string {
  let out = '';
  for (const seg of segments) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

/** Parse `recommendations[3].actions[1].owner` back into segments. */
export function parsePath(path: string): Array<string | number> {
  const segments: Array<string | number> = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[1] !== undefined) segments.push(match[1]);
  }
  return segments;
}

/** The path itself and each shorter prefix of it, longest first. */
export function pathPrefixes(segments: PathSegments): string[] {
  const out: string[] = [];
  for (let n = segments.length; n >= 0; n--) out.push(formatPath(segments.slice(0, n)));
  return out;
}
