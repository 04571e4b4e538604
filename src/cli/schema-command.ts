/** `extract schema`: the JSON Schema of a record. */
import { recordJsonSchema } from '../output/schema.js';
import type { Io } from './io.js';

export function runSchema(io: Io): number {
  io.stdout.write(`${JSON.stringify(recordJsonSchema(), null, 2)}\n`);
  return 0;
}
