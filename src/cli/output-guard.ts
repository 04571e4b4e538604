/**
 * No command overwrites what it reads. Before `--output` is opened (which
 * truncates it), the file it names is compared with every input and every
 * `--skip-seen` file by what it is on disk, device and inode, so a symlink, a
 * `./` or a directory listing cannot hide that they are the same file.
 */
import { fstatSync, type Stats } from 'node:fs';
import path from 'node:path';
import { statOrNull, type Source } from '../input/sources.js';
import { UsageError } from './io.js';

/** What `--output` must not be: the inputs, the --skip-seen files, and standard input when it is read. */
export interface GuardedFiles {
  inputs: readonly Source[];
  seen: readonly Source[];
  stdin: NodeJS.ReadableStream;
}

/** Throws a UsageError when `output` is one of the files read; an output that does not exist yet is no file read. */
export function refuseOutputOverInputs(output: string | undefined, cwd: string, files: GuardedFiles): void {
  if (!output || output === '-') return;
  const target = statOrNull(path.resolve(cwd, output));
  if (!target) return;
  const same = (source: Source) => {
    const stats = source.kind === 'file' ? statOrNull(source.path) : source.kind === 'stdin' ? stdinStats(files.stdin) : null;
    return stats !== null && stats.dev === target.dev && stats.ino === target.ino;
  };
  const seen = files.seen.find(same);
  if (seen) throw new UsageError(`--output ${output} would overwrite the --skip-seen file ${seen.name}; append to it with >> instead`);
  const input = files.inputs.find(same);
  if (input) throw new UsageError(`--output ${output} is the input ${input.name}; write to another file`);
}

function stdinStats(stdin: NodeJS.ReadableStream): Stats | null {
  const fd = (stdin as { fd?: unknown }).fd;
  if (typeof fd !== 'number') return null;
  try {
    return fstatSync(fd);
  } catch {
    return null;
  }
}
