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

/** Read a stream to its end as one buffer. */
export async function readAll(stream: InStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
