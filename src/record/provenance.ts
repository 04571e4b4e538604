/**
 * What a record was made from and by: the sha256 of its input text, the
 * extractor's version and the hash of the rules. A later run can tell from
 * these alone whether an earlier record still stands (`--skip-seen`).
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

/** The package version, as `--version` prints it and every record carries. */
export const EXTRACTOR_VERSION: string = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

/** sha256 of a text as UTF-8, in hex. */
export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
