import { describe, expect, it } from 'vitest';
import { remembered } from '../../src/util/remembered.js';

describe('remembered', () => {
  it('answers a text asked again without calling the function, and forgets everything once past its limit', () => {
    const calls: string[] = [];
    const upper = remembered((text) => {
      calls.push(text);
      return text.toUpperCase();
    }, 2);
    expect([upper('a'), upper('b'), upper('a')]).toEqual(['A', 'B', 'A']);
    expect(calls).toEqual(['a', 'b']);
    // A third text starts the memory afresh: 'a' is worked out again.
    expect([upper('c'), upper('a')]).toEqual(['C', 'A']);
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
