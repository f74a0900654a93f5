import { describe, expect, it } from 'vitest';
import { limitFor, TimeLimitError, unlimited } from '../../src/util/time-limit.js';

describe('limitFor', () => {
  it('returns what the work returns, and lets its errors through', () => {
    const limit = limitFor(30);
    expect(limit(() => 6 * 7)).toBe(42);
    expect(() =>
      limit(() => {
        throw new RangeError('from the work');
      }),
    ).toThrow(RangeError);
    expect(unlimited(() => 'as it is')).toBe('as it is');
  });

  it('stops a loop that never yields, with the reason as its message', () => {
    const limit = limitFor(0.2);
    let turns = 0;
    const spin = (): never => {
      for (;;) turns++;
    };
    expect(() => limit(spin)).toThrow(new TimeLimitError('timed out after 0.2 s'));
    expect(turns).toBeGreaterThan(0);
  });

  it('stops a thread asleep in short waits, as the tests hang a file', () => {
    const limit = limitFor(0.2);
    const cell = new Int32Array(new SharedArrayBuffer(4));
    expect(() =>
      limit(() => {
        for (;;) Atomics.wait(cell, 0, 0, 20);
      }),
    ).toThrow(TimeLimitError);
  });

  it('shares one deadline between the pieces of work run under it', () => {
    const limit = limitFor(0.2);
    const start = performance.now();
    while (performance.now() - start < 250);
    expect(() => limit(() => 'too late')).toThrow(new TimeLimitError('timed out after 0.2 s'));
  });
});
