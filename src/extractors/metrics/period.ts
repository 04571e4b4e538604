/**
 * The period of a figure: the date value it refers to.
 *
 * - the date that governs its sentence: the nearest one before the figure,
 *   else one after it in its clause (`6.733.122 lượt văn bản (từ tháng
 *   12/2021 đến tháng 11/2023)`); a date that opens a sentence earlier in the
 *   paragraph (`Năm 2024, ...`) governs the sentences after it;
 * - baselines (`so với năm 2023`) are never a figure's period, except for an
 *   amount in brackets right after one (`tăng so với cùng kỳ năm 2023 (đạt
 *   584 tỷ)`), which is the baseline's value;
 * - a target's period is the date it is due, a later date than the article's
 *   own period (`đến năm 2030`), in its sentence or earlier in its paragraph;
 *   other figures never take a later date than the reference date;
 * - else the period the article reports on: the first period (not a day) in
 *   its title and lead, else, when the lead speaks of a review (`tổng kết`,
 *   `sơ kết`, `năm qua`), the reference date's year (the year before in its
 *   first months).
 * A bare year that labels a figure in brackets (`(2023: 99,72%)`) is its
 * period. Dates that belong to a document reference (`Nghị quyết 06-NQ/TU ngày
 * 10/11/2022`) and the base year of constant prices (`giá so sánh năm 2010`)
 * are not periods, and a term of office (`nhiệm kỳ 2021-2026`) is not the
 * article's.
 */
import type { DateEntity } from '../dates/schema.js';
import type { Metric } from './schema.js';
import type { MetricsResolveContext } from './context.js';
import type { Found, Span } from '../../model/entity.js';
import { firstWhere, spanAt, spansWithin } from '../../tokenize/index.js';
import type { MetricRules } from './rules.js';

export type Period = NonNullable<Metric['period']>;

/** A date of the article that may be a figure's period, with what it is in its sentence. */
interface Candidate {
  span: Span;
  period: Period;
  /** First year the date covers. */
  year: number;
  /** `so với năm 2023`, `cùng kỳ năm 2023`. */
  baseline: boolean;
  /** A date that opens its sentence, followed by a comma (`Năm 2024, ...`). */
  opens: boolean;
  /** A term of office (`HĐND xã khóa I, nhiệm kỳ 2021-2026`): the period of figures in its sentence (`Nhiệm kỳ 2020-2025, GRDP tăng ...`), never the article's. */
  term: boolean;
}

const spanOf = (c: Candidate) => c.span;

export interface PeriodContext {
  /** Sorted by where they start. */
  candidates: readonly Candidate[];
  /** The period the article reports on. */
  reporting: Period | null;
  /** The reference date's year. */
  referenceYear: number | null;
}

/** Once per article: the dates that may be periods, and the article's own period. */
export function periodContext(ctx: MetricsResolveContext, rules: MetricRules): PeriodContext {
  const { text, sentences } = ctx.doc;
  const documentEnds = ctx.found.documents.flatMap((d) => d.spans.map(([, e]) => e)).sort((a, b) => a - b);
  const candidates: Candidate[] = [];
  for (const date of ctx.found.dates) {
    const span = date.spans[0]!;
    const year = Number(date.value.slice(0, 4));
    if (!Number.isInteger(year)) continue; // XXXX: no year
    // `Nghị quyết 06-NQ/TU ngày 10/11/2022`: the document's date
    if (followsDocument(documentEnds, text, span[0])) continue;
    const written = text.slice(span[0], span[1]);
    const digit = written.search(/\d/u);
    const before = text.slice(Math.max(0, span[0] - TERM_REACH), span[0] + Math.max(0, digit));
    // `theo giá so sánh năm 2010`: the base of the prices, no period
    if (rules.period.priceBase.test(before)) continue;
    const term = rules.period.term.test(before);
    const sentence = spanAt(sentences, span[0]);
    // (a bare day that opens a sentence is when something happened, `Ngày 4/7, UBND tỉnh tổ chức hội nghị`, not a period; `Tính đến ngày 30/11,` is)
    const lead = sentence === undefined ? '' : text.slice(sentence[0], span[0]);
    const opens = sentence !== undefined && rules.period.openers.test(lead) && /^\s*,/u.test(text.slice(span[1])) && (date.grain !== 'day' || lead.trim() !== '');
    candidates.push({ span, period: periodOf(date), year, baseline: rules.period.baseline.test(written), opens, term });
  }
  candidates.sort((a, b) => a.span[0] - b.span[0]);
  const referenceYear = ctx.referenceDate.value ? Number(ctx.referenceDate.value.slice(0, 4)) : null;
  return { candidates, reporting: reportingPeriod(ctx, candidates, referenceYear, rules), referenceYear };
}

/** How far before a date its term word may stand, in characters. */
const TERM_REACH = 16;

/** Whether a document's symbol ends right before `at`, at most three spaces or commas away (`06-NQ/TU ngày 10/11/2022`). */
function followsDocument(sortedEnds: readonly number[], text: string, at: number): boolean {
  for (let k = firstWhere(sortedEnds, (e) => e >= at - 3); k < sortedEnds.length && sortedEnds[k]! <= at; k++) {
    if (/^[\s,]{0,3}$/u.test(text.slice(sortedEnds[k]!, at))) return true;
  }
  return false;
}

export function periodOf(date: Pick<DateEntity, 'value' | 'grain'>): Period {
  return { value: date.value, grain: date.grain };
}

/** The period of one figure. */
export function findPeriod(metric: Found<Metric>, ctx: MetricsResolveContext, pc: PeriodContext): Period | null {
  const { text, sentences, lines } = ctx.doc;
  const [start, end] = metric.spans[0]!;
  const sentence = spanAt(sentences, start) ?? ([start, end] as Span);
  const paragraph = spanAt(lines, start) ?? sentence;
  const target = metric.kind === 'target';
  // a target is due later than the article's own period; other figures are not in the future
  const fits = (c: Candidate) => (target ? pc.reporting === null || c.year > Number(pc.reporting.value.slice(0, 4)) : pc.referenceYear === null || c.year <= pc.referenceYear);
  // a figure labelled by a bare year in brackets is of that year (`tăng so với 2023 là 0,12% (2023: 99,72%)`)
  const label = YEAR_LABEL.exec(text.slice(Math.max(sentence[0], start - YEAR_LABEL_REACH), start));
  if (label) return { value: label[1]!, grain: 'year' };
  const inSentence = spansWithin(pc.candidates, spanOf, sentence);

  // nearest before the figure; a baseline only for the amount in brackets right after it
  const before = inSentence.filter((c) => c.span[1] <= start).reverse();
  const nearest = before[0];
  if (nearest?.baseline && /^\s*\(\s*(?:\p{L}+\s*)?$/u.test(text.slice(nearest.span[1], start))) return nearest.period;
  // (a later date in the sentence before the figure is its own: `Tổng thu ngân sách năm 2025 ước đạt ...`)
  // (a target's date in its own sentence may be the article's own year: `Năm 2025, tỉnh phấn đấu ...`)
  const governing = before.find((c) => !c.baseline && (fits(c) || !target || c.year === Number(pc.reporting?.value.slice(0, 4))));
  if (governing) return governing.period;
  // after it, in its clause
  const stop = text.slice(end, sentence[1]).indexOf(';');
  const clauseEnd = stop < 0 ? sentence[1] : end + stop;
  const after = spansWithin(pc.candidates, spanOf, [end, clauseEnd]).find((c) => !c.baseline && fits(c));
  if (after) return after.period;
  // earlier in the paragraph: a target's due date, or a date that opens a sentence
  const earlier = spansWithin(pc.candidates, spanOf, [paragraph[0], sentence[0]]).filter((c) => !c.baseline && fits(c) && (target || c.opens)).at(-1);
  if (earlier) return earlier.period;
  return pc.reporting;
}

/** A bare year labelling what follows it in brackets, `(2023: `, right before a figure. */
const YEAR_LABEL = /\(\s*((?:19|20)\d{2})\s*:\s*$/u;
const YEAR_LABEL_REACH = 12;

function reportingPeriod(ctx: MetricsResolveContext, candidates: readonly Candidate[], referenceYear: number | null, rules: MetricRules): Period | null {
  const { text, title, sentences } = ctx.doc;
  const lead = sentences.filter(([s]) => !title || s >= title.span[1]).slice(0, rules.period.leadSentences);
  const leadEnd = lead.at(-1)?.[1] ?? title?.span[1] ?? 0;
  // a period, else the day a news report is about (`tính đến 17 giờ ngày 29/9, bão số 10 đã làm ...`)
  const inLead = candidates.filter((c) => c.span[1] <= leadEnd && !c.baseline && !c.term && (referenceYear === null || c.year <= referenceYear));
  const stated = inLead.find((c) => c.period.grain !== 'day') ?? inLead[0];
  if (stated) return stated.period;
  if (referenceYear === null || !rules.period.review.test(text.slice(0, leadEnd))) return null;
  const month = Number(ctx.referenceDate.value!.slice(5, 7));
  return { value: String(month <= ctx.rules.dates.earlyUntilMonth ? referenceYear - 1 : referenceYear), grain: 'year' };
}
