/**
 * A directory of gold files (shared/spec/GOLD_FORMAT.md), one NAME.json per
 * article NAME.txt, as `extract eval --gold` and `extract --gold` read it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { GoldSchema, type Gold } from '../eval/gold.js';
import { UsageError } from './io.js';

export class GoldDir {
  private constructor(
    private readonly dir: string,
    private readonly shown: string,
    private readonly files: ReadonlySet<string>,
  ) {}

  /** `dir` as the user wrote it, resolved against `cwd`; a usage error when it cannot be listed. */
  static open(dir: string, cwd: string): GoldDir {
    const resolved = path.resolve(cwd, dir);
    try {
      return new GoldDir(resolved, dir, new Set(readdirSync(resolved).filter((f) => f.endsWith('.json'))));
    } catch {
      throw new UsageError(`cannot read gold directory ${dir}`);
    }
  }

  /** The gold file of an article, or undefined (after a line to `warn`) when there is none. A bad gold file is a usage error. */
  goldFor(article: string, warn: (line: string) => void): Gold | undefined {
    const name = `${path.basename(article).replace(/\.[^.]+$/, '')}.json`;
    if (!this.files.has(name)) {
      warn(`extract: ${article}: no gold file ${name} in ${this.shown}; not scored`);
      return undefined;
    }
    return readGold(path.join(this.dir, name));
  }
}

function readGold(file: string): Gold {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${file}: not a readable JSON gold file (${(error as Error).message})`);
  }
  const parsed = GoldSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}
