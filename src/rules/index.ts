import type { AnyRule } from './types.js';

/** Every rule plancheck knows, in the order `plancheck rules` lists them. */
export const rules: readonly AnyRule[] = [];
