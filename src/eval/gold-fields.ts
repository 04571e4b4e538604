/** Field shapes gold files share across entity types (shared/spec/GOLD_FORMAT.md). */
import { z } from 'zod';

/** A value, or a list of acceptable values. */
export const oneOrMany = z.union([z.string(), z.array(z.string()).min(1)]);

/** The acceptable values of a `oneOrMany` field, none when it is absent. */
export function oneOrManyList(value: string | readonly string[] | undefined): string[] {
  return value === undefined ? [] : typeof value === 'string' ? [value] : [...value];
}
