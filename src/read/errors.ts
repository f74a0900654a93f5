/** A file that cannot be read as an action plan; the message is the one-line reason shown to the user. */
export class ReadError extends Error {
  override readonly name = 'ReadError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
