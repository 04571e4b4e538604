/**
 * The reference date that fills in missing years: the article's `date`
 * header, else the date given by the caller (`--ref-date`, or a JSON Lines
 * date field), else none.
 */
import type { ExtractContext, FoundEntities, ReferenceDate } from '../extractors/types.js';

export function resolveReferenceDate(ctx: ExtractContext, _found: Partial<FoundEntities>): ReferenceDate {
  if (ctx.doc.published) return { value: ctx.doc.published, source: 'header' };
  if (ctx.options.referenceDate) return { ...ctx.options.referenceDate };
  return { value: null, source: 'none' };
}
