/** A mistake in how plancheck was called: printed as one line without a stack, exit code 2. */
export class CliError extends Error {
  override readonly name: string = 'CliError';
}

/** A configuration file that cannot be used: printed as `plancheck: <file>: <what is wrong>`, exit code 2. */
export class ConfigError extends CliError {
  override readonly name = 'ConfigError';

  constructor(
    /** The config file as shown to the user (relative to the working directory). */
    readonly file: string,
    /** What is wrong, naming the bad key. */
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}
