/**
 * Which inputs a command line names: files, directories (their `*.txt`),
 * globs (expanded with fast-glob, also when quoted) and `-` for standard
 * input, in the order given; a directory's or glob's files in sorted order.
 * `dirPattern` says which files of a directory count (`*.jsonl` for JSON Lines).
 */
import { statSync, type Stats } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { readMessage } from './messages.js';

export type Source =
  | { kind: 'file'; path: string; name: string }
  | { kind: 'stdin'; name: string }
  | { kind: 'missing'; name: string; code: string; message: string };

export function expandSources(args: readonly string[], cwd = process.cwd(), dirPattern = '*.txt'): Source[] {
  const out: Source[] = [];
  for (const arg of args) {
    if (arg === '-') {
      out.push({ kind: 'stdin', name: '-' });
      continue;
    }
    const full = path.resolve(cwd, arg);
    let stat: Stats | null = null;
    try {
      stat = statSync(full);
    } catch (error) {
      // a symlink loop, a path through a file, a directory that cannot be searched: that error, not ENOENT
      const code = (error as NodeJS.ErrnoException).code ?? 'ENOENT';
      if (code !== 'ENOENT' || !fg.isDynamicPattern(arg)) {
        out.push(missing(arg, code));
        continue;
      }
    }
    if (stat?.isDirectory()) {
      const files = listFiles(dirPattern, full, (f) => path.join(full, f), (f) => path.join(arg, f), out);
      if (files === 0) out.push({ kind: 'missing', name: arg, code: 'E_NO_MATCH', message: `no ${dirPattern} file in the directory ${arg}` });
      continue;
    }
    if (stat) {
      out.push({ kind: 'file', path: full, name: arg });
      continue;
    }
    // A relative pattern is matched below the working directory and its files named relative to it;
    // an absolute one is matched as it stands and its files keep absolute names.
    const absolute = path.isAbsolute(arg);
    const pattern = absolute ? arg : fg.convertPathToPattern(cwd) + '/' + arg.replace(/^\.\//, '');
    const files = listFiles(pattern, undefined, (f) => f, (f) => (absolute ? f : path.relative(cwd, f) || f), out);
    if (files === 0) out.push({ kind: 'missing', name: arg, code: 'E_NO_MATCH', message: `no file matches the pattern ${arg}` });
  }
  return out;
}

/**
 * Appends the regular files a directory pattern or glob lists, sorted, each
 * once (by device and inode), and returns how many. Symbolic links to
 * directories are not followed, so a link back to a parent cannot list a
 * tree twice or loop; a linked file is listed. A directory that cannot be
 * read is one error in the list, and the rest is still listed.
 */
function listFiles(pattern: string, cwd: string | undefined, toPath: (f: string) => string, toName: (f: string) => string, out: Source[]): number {
  const options = { cwd, onlyFiles: true, absolute: cwd === undefined, followSymbolicLinks: false };
  let files: string[];
  try {
    files = fg.sync(pattern, options);
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    out.push(missing(failure.path ? toName(cwd ? path.relative(cwd, failure.path) : failure.path) : pattern, failure.code ?? 'E_READ'));
    files = fg.sync(pattern, { ...options, suppressErrors: true });
  }
  const seen = new Set<string>();
  let listed = 0;
  for (const f of files.sort()) {
    const stat = statOrNull(toPath(f));
    if (!stat?.isFile()) continue;
    const key = `${stat.dev}:${stat.ino}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ kind: 'file', path: toPath(f), name: toName(f) });
    listed++;
  }
  return listed;
}

function missing(name: string, code: string): Source {
  return { kind: 'missing', name, code, message: readMessage(code, name) };
}

/** The file's stats, following symlinks, or null when it cannot be reached. */
export function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}
