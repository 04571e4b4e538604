/**
 * Incremental runs (`--skip-seen FILE`): the content hashes of the articles
 * an earlier output already holds, counting only records made by this
 * extractor version with these rules and without an error, so a change of
 * version or rules processes everything again and a failed input is retried.
 */
import { createReadStream } from 'node:fs';
import { byteLines } from './jsonl.js';
import type { Source } from './sources.js';

export interface Provenance {
  extractorVersion: string;
  rulesHash: string;
}

/**
 * Reads earlier JSON Lines outputs. A file that does not exist yet holds
 * nothing (the first run); a line that is not a record, such as the last line
 * of an interrupted run, is passed over.
 */
export async function loadSeen(sources: readonly Source[], provenance: Provenance): Promise<Set<string>> {
  const seen = new Set<string>();
  for (const source of sources) {
    if (source.kind !== 'file') continue;
    try {
      for await (const { bytes } of byteLines(createReadStream(source.path))) {
        const sha256 = seenHash(bytes.toString('utf8'), provenance);
        if (sha256) seen.add(sha256);
      }
    } catch (error) {
      throw new Error(`cannot read ${source.name} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  return seen;
}

function seenHash(line: string, provenance: Provenance): string | null {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof record !== 'object' || record === null) return null;
  const { sha256, extractorVersion, rulesHash, error } = record as Record<string, unknown>;
  const current = extractorVersion === provenance.extractorVersion && rulesHash === provenance.rulesHash && error === undefined;
  return current && typeof sha256 === 'string' ? sha256 : null;
}
