/**
 * Which inputs a command line names: files, directories (their `*.txt`),
 * globs (expanded with fast-glob, also when quoted) and `-` for standard
 * input, in the order given; a directory's or glob's files in sorted order.
 * `dirPattern` says which files of a directory count (`*.jsonl` for JSON Lines).
 */
import { statSync, type Stats } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';

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
    const stat = statOrNull(full);
    if (stat?.isDirectory()) {
      const files = fg.sync(dirPattern, { cwd: full, onlyFiles: true }).sort();
      if (files.length === 0) out.push({ kind: 'missing', name: arg, code: 'E_NO_MATCH', message: `no ${dirPattern} file in the directory ${arg}` });
      for (const f of files) out.push({ kind: 'file', path: path.join(full, f), name: path.join(arg, f) });
      continue;
    }
    if (stat) {
      out.push({ kind: 'file', path: full, name: arg });
      continue;
    }
    if (fg.isDynamicPattern(arg)) {
      // A relative pattern is matched below the working directory and its files named relative to it;
      // an absolute one is matched as it stands and its files keep absolute names.
      const absolute = path.isAbsolute(arg);
      const pattern = absolute ? arg : fg.convertPathToPattern(cwd) + '/' + arg.replace(/^\.\//, '');
      const files = fg.sync(pattern, { onlyFiles: true, absolute: true }).sort();
      if (files.length === 0) out.push({ kind: 'missing', name: arg, code: 'E_NO_MATCH', message: `no file matches the pattern ${arg}` });
      for (const f of files) out.push({ kind: 'file', path: f, name: absolute ? f : path.relative(cwd, f) || f });
      continue;
    }
    out.push({ kind: 'missing', name: arg, code: 'ENOENT', message: `no such file or directory: ${arg}` });
  }
  return out;
}

/** The file's stats, following symlinks, or null when it cannot be reached. */
export function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}
