/** What a command may touch of the outside world, so tests can run it in-process. */
export interface Io {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  cwd: string;
  stdinIsTTY: boolean;
}

/** A mistake in how the command was called: one line on stderr, exit status 2. */
export class UsageError extends Error {}
