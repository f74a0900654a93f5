/**
 * A batch of at most this many files and bytes is read in the CLI's own process first (batch.ts): reading a few
 * text exports or HTML pages one after another takes less time than starting a worker process (0.1-0.3 s on the
 * development machine, where such a plan takes some tens of milliseconds), and the bytes of so few files cost
 * little memory. A module of its own, so that the binary's first code (prestart.ts) knows the limit too.
 */
export const READ_HERE_MAX_FILES = 8;
export const READ_HERE_MAX_BYTES = 1_000_000;
