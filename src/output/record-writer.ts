/** What every output format implements: one record at a time, then the end of the output. */
import type { ArticleScore } from '../eval/score.js';
import type { ArticleRecord } from '../model/record.js';

/** What a writer may use beside the record: the input text its spans point into, and its score against gold. */
export interface RecordContext {
  text?: string | undefined;
  score?: ArticleScore | undefined;
}

export interface RecordWriter {
  write(record: ArticleRecord, context?: RecordContext): string;
  end(): string;
}
