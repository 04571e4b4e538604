/**
 * Running the pipeline over a stream of inputs: one record per input, in
 * input order. An input that could not be read or decoded yields an error
 * record in its place; the others are unaffected.
 */
import type { InputItem } from '../input/read.js';
import { extractArticle, type ArticleOptions } from '../pipeline.js';
import { errorRecord } from '../output/record.js';
import { RecordSchema, type ArticleRecord } from '../output/schema.js';
import type { Rules } from '../rules/registry.js';

export async function* processInputs(items: AsyncIterable<InputItem>, rules: Rules, options: ArticleOptions): AsyncGenerator<ArticleRecord> {
  for await (const { record } of processItems(items, rules, options)) yield record;
}

/** Each record beside the input it came from, for writers that show the article text. */
export async function* processItems(items: AsyncIterable<InputItem>, rules: Rules, options: ArticleOptions): AsyncGenerator<{ item: InputItem; record: ArticleRecord }> {
  for await (const item of items) yield { item, record: processInput(item, rules, options) };
}

export function processInput(item: InputItem, rules: Rules, options: ArticleOptions): ArticleRecord {
  if (!item.ok) return errorRecord(item.name, item.code, item.message);
  const itemOptions = item.referenceDate ? { ...options, referenceDate: options.referenceDate ?? { value: item.referenceDate, source: 'input' as const } } : options;
  return checkedRecord(item.name, () => extractArticle(item.name, item.text, rules, itemOptions));
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
