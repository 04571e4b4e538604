/**
 * Running the pipeline over a batch of inputs, one record per input in input
 * order. An input that cannot be read or decoded yields an error record in its
 * place; the others are unaffected.
 */
import { readSource } from '../input/read.js';
import type { Source } from '../input/sources.js';
import { extractArticle, type ArticleOptions } from '../pipeline.js';
import { errorRecord } from '../output/record.js';
import { RecordSchema, type ArticleRecord } from '../output/schema.js';
import type { Rules } from '../rules/registry.js';

export async function* processSources(sources: readonly Source[], rules: Rules, options: ArticleOptions, stdin?: NodeJS.ReadableStream): AsyncGenerator<ArticleRecord> {
  for (const source of sources) {
    const input = await readSource(source, stdin);
    if (!input.ok) {
      yield errorRecord(input.name, input.code, input.message);
      continue;
    }
    yield checkedRecord(input.name, () => extractArticle(input.name, input.text, rules, options));
  }
}

/** Every record is validated against the published schema before it is written. */
export function checkedRecord(file: string, make: () => ArticleRecord): ArticleRecord {
  let record: ArticleRecord;
  try {
    record = make();
  } catch (error) {
    return errorRecord(file, 'E_INTERNAL', `extraction failed: ${(error as Error).message}`);
  }
  const check = RecordSchema.safeParse(record);
  if (!check.success) {
    const issue = check.error.issues[0]!;
    return errorRecord(file, 'E_INTERNAL', `record does not match the schema at ${issue.path.join('.')}: ${issue.message}`);
  }
  return check.data;
}
