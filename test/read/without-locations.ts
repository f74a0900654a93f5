/**
 * A model value with every `location` left out, at any depth: hand-checked expectations hold no locations,
 * since where a row lands differs from one rendering of a plan to another.
 */
export function withoutLocations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLocations);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'location').map(([k, v]) => [k, withoutLocations(v)]));
  }
  return value;
}
