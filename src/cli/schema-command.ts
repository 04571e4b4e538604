/**
 * `extract schema [FILE]`: the JSON Schema of a record, or of a rule file
 * (`extract schema provinces.yaml`), generated from the zod schemas the code
 * validates with. The rule-file schemas are kept in rules/schema/ for editors.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { recordJsonSchema } from '../extractors/registry.js';
import { ruleSpecs } from '../extractors/registry.js';
import { UsageError, type Io } from './io.js';

export function runSchema(target: string | undefined, options: { writeRules?: string }, io: Io): number {
  if (options.writeRules) {
    for (const spec of Object.values(ruleSpecs)) {
      const file = path.resolve(io.cwd, options.writeRules, spec.file.replace(/\.yaml$/, '.schema.json'));
      writeFileSync(file, `${JSON.stringify(schemaOf(spec.file), null, 2)}\n`);
      io.stderr.write(`wrote ${path.relative(io.cwd, file)}\n`);
    }
    return 0;
  }
  io.stdout.write(`${JSON.stringify(schemaOf(target), null, 2)}\n`);
  return 0;
}

export function schemaOf(target: string | undefined): unknown {
  if (!target || target === 'record') return recordJsonSchema();
  const spec = Object.values(ruleSpecs).find((s) => s.file === target || s.file === `${target}.yaml`);
  if (!spec) throw new UsageError(`no schema named ${target}: expected record or one of ${Object.values(ruleSpecs).map((s) => s.file).join(', ')}`);
  return { title: `rules/${spec.file}`, ...z.toJSONSchema(spec.schema, { target: 'draft-2020-12', io: 'input' }) };
}
