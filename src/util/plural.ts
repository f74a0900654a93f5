/** "1 action", "3 actions", "2 target dates": a count with its noun, plural when it is not one. */
export function plural(n: number, singular: string, many = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : many}`;
}
