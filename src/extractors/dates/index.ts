/**
 * Dates: every temporal expression in the article, in ISO 8601 at its own
 * granularity (day, month, quarter, half, year, range), one entity per
 * mention.
 *
 * `extract` parses with the reference date known from the header or the
 * caller, so fully stated dates (which the documents extractor reads as issue
 * dates, and from which the reference date may be inferred) are final there;
 * without one, a year the text does not state is `XXXX`. When the reference
 * date is then inferred from the article, `resolve` parses again against it
 * and takes the new values of those mentions.
 */
import type { Found, Span } from '../../model/entity.js';
import type { EntityModule, ExtractContext } from '../types.js';
import { createDateParser } from './configuration.js';
import { parseReference, referenceInstant, toDate, type Reference } from './expression.js';
import type { DateParsingOption } from './refiners/blocked-spans.js';
import { dateRules } from './rules.js';
import { DateSchema, type DateEntity } from './schema.js';
import { datesCsv, datesGold, datesHtml } from './view.js';

export const datesModule: EntityModule<'dates', 'documents'> = {
  type: 'dates',
  schema: DateSchema,
  /** The rule file's vocabulary, and the chrono parser built from it once. */
  rules: {
    ...dateRules,
    compile(raw) {
      const vocabulary = dateRules.compile(raw as Parameters<typeof dateRules.compile>[0]);
      return { ...vocabulary, parser: createDateParser(vocabulary) };
    },
  },
  needs: ['documents'],

  extract(ctx) {
    return findDates(ctx, parseReference(ctx.doc.published ?? ctx.options.referenceDate?.value));
  },

  resolve: {
    needs: [],
    run(dates, ctx) {
      const reference = parseReference(ctx.referenceDate.value);
      const yearless = dates.filter((d) => d.value.includes('X'));
      if (yearless.length === 0) return dates;
      if (!reference) {
        ctx.warn({ code: 'dates-yearless', message: `No reference date: ${yearless.length} date(s) keep an unknown year (XXXX)`, span: yearless[0]!.spans[0]! });
        return dates;
      }
      if (ctx.referenceDate.source !== 'article') return dates;
      const again = new Map(findDates(ctx, reference).map((d) => [String(d.spans[0]), d]));
      return dates.map((d) => (d.value.includes('X') ? (again.get(String(d.spans[0])) ?? d) : d));
    },
  },
  csv: datesCsv,
  html: datesHtml,
  gold: datesGold,
};

/** The length of text parsed at once: whole lines up to about this many UTF-16 units. */
const CHUNK = 4_096;

/**
 * The article's dates, parsed a few kilobytes of whole lines at a time (no
 * date crosses a line): chrono copies every result it has so far after each
 * of its parsers, which on a page of dates cost more than the parsing and
 * grew faster than the page.
 */
function findDates(ctx: ExtractContext<'dates', 'documents'>, reference: Reference | null): Found<DateEntity>[] {
  const { text, lines } = ctx.doc;
  const instant = referenceInstant(reference);
  const symbols = symbolSpans(ctx).sort((a, b) => a[0] - b[0]);
  const out: Found<DateEntity>[] = [];
  let next = 0;
  for (const [start, end] of chunks(lines)) {
    const blocked: Span[] = [];
    for (; next < symbols.length && symbols[next]![0] < end; next++) blocked.push([symbols[next]![0] - start, symbols[next]![1] - start]);
    const option: DateParsingOption = { blocked };
    for (const r of ctx.rules.dates.parser.parse(text.slice(start, end), instant, option)) {
      out.push({ ...toDate(r, reference), spans: [[start + r.index, start + r.index + r.text.length]] });
    }
  }
  return out;
}

/** Runs of whole lines, each as long as CHUNK or a little longer (or one line longer than it). */
function* chunks(lines: readonly Span[]): Generator<Span> {
  for (let k = 0; k < lines.length; ) {
    const start = lines[k]![0];
    let end = lines[k++]![1];
    while (k < lines.length && end - start < CHUNK) end = lines[k++]![1];
    yield [start, end];
  }
}

/** Where the symbols of the documents found so far occur (`81/2014/QĐ-TTg`). */
function symbolSpans(ctx: ExtractContext<'dates', 'documents'>): Span[] {
  const out: Span[] = [];
  for (const doc of ctx.found.documents) {
    for (const [s, e] of doc.spans) {
      const mention = ctx.doc.text.slice(s, e);
      for (const form of doc.written) {
        for (let at = mention.indexOf(form); at >= 0 && form; at = mention.indexOf(form, at + 1)) out.push([s + at, s + at + form.length]);
      }
    }
  }
  return out;
}
