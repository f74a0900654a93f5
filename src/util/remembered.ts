/**
 * A function of a string that remembers its answers: a plan's words, header cells and date cells recur, in the
 * table and again in the model. At most `limit` answers are kept; past it the memory starts afresh, so that it
 * stays bounded on any input.
 */
export function remembered<T>(fn: (text: string) => T, limit: number): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    let answer = known.get(text);
    if (answer === undefined) {
      if (known.size >= limit) known.clear();
      answer = fn(text);
      known.set(text, answer);
    }
    return answer;
  };
}
