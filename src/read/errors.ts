/** A file that cannot be read as an action plan; the message is the one-line reason shown to the user. */
export class ReadError extends Error {
  override readonly name: string = 'ReadError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * A file that reads well enough but holds no action-plan table (notes, a web page, a letter): the CLI skips such
 * a file when it was found by walking a folder, and reports it as unreadable when it was named.
 */
export class NoPlanError extends ReadError {
  override readonly name = 'NoPlanError';

  constructor() {
    super('no action-plan table found');
  }
}
