/** Somewhere the CLI writes text: process.stdout, process.stderr, or a test's buffer. */
export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Where `-` reads from: process.stdin, or any async source of chunks in tests. */
export type InStream = AsyncIterable<Uint8Array | string>;

/** The world the CLI runs in, passed down instead of read from globals so it can be tested in process. */
export interface CliIo {
  stdout: OutStream;
  stderr: OutStream;
  stdin: InStream | undefined;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** The most read from standard input: far past any plan, short of exhausting memory on `- < /dev/zero`. */
export const MAX_STDIN_BYTES = 256 * 1024 * 1024;

/** Why standard input was not read whole. */
export const STDIN_TOO_LARGE = `standard input runs past ${MAX_STDIN_BYTES / 1024 / 1024} MB: not an action plan`;

/** Read a stream to its end as one buffer; null when it runs past `limit` bytes (the rest is not read). */
export async function readAll(stream: InStream, limit = MAX_STDIN_BYTES): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    total += buffer.length;
    if (total > limit) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
