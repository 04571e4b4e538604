/**
 * The place of a figure: where the value is measured.
 *
 * The nearest place cue before the figure in its sentence (asides in closed
 * brackets left out: `ông A (xã Mỹ Hội, huyện Cao Lãnh) đạt giải Nhất`), else
 * after it in its clause, is the figure's place:
 * - a place below the province found by the `places` extractor (`của huyện
 *   Cẩm Thủy`), with its level;
 * - a province found by the provinces extractor (`của tỉnh Hải Dương`);
 * - the whole country (`cả nước`, `toàn quốc`), `Việt Nam` with no code,
 *   except for a rank, which places the unit ranked;
 * - a company, meeting or contest that opens the figure's clause (`Công ty
 *   Điện lực Thanh Hóa đạt doanh thu`, `Hội nghị có 300 đại biểu`): no place.
 * Else the article's primary province; an article with none, that speaks of
 * the country (`cả nước`, or its Government, its GDP), places its figures in
 * Việt Nam.
 */
import type { Metric } from './schema.js';
import type { MetricsResolveContext } from './context.js';
import type { Found, Span } from '../../model/entity.js';
import { foldName } from '../../normalize/forms.js';
import { escapeRegExp } from '../../rules/pattern.js';
import { firstWhere, insideSpans, spanAt, spansWithin } from '../../tokenize/index.js';
import type { MetricRules } from './rules.js';

export type Place = NonNullable<Metric['place']>;

interface Cue {
  span: Span;
  /** null: a figure of no territory. */
  place: (Place & { province?: string }) | null;
}

const cueSpan = (c: Cue) => c.span;

export interface PlaceContext {
  /** Sorted by where they start. */
  cues: readonly Cue[];
  /** The place of figures whose sentence names none. */
  fallback: Place | null;
  /** In a roundup (no subject province), the provinces that open a sentence, sorted: each the place of the figures after it that name none. */
  topics: readonly Cue[];
  country: Place;
}

/**
 * Once per article: every place cue, and the place of figures without one.
 * The country named as a rank's scope (`đứng thứ 6 cả nước`, part of the
 * rank's mention) is no place: a figure after the rank (`, tăng 7 bậc`) is
 * still the ranked unit's.
 */
export function placeContext(ctx: MetricsResolveContext, rules: MetricRules, metrics: readonly Found<Metric>[]): PlaceContext {
  const { text } = ctx.doc;
  const country: Place = { name: rules.place.country, code: null, level: 'country' };
  const names: Cue[] = [];
  for (const m of text.matchAll(rules.place.noTerritory)) names.push({ span: [m.index, m.index + m[0].length], place: null });
  const nameSpans = names.map((n) => n.span);
  const insideName = (span: Span) => (spanAt(nameSpans, span[0])?.[1] ?? -1) >= span[1];
  const cues: Cue[] = [...names];
  const rankSpans = metrics.filter((m) => m.kind === 'rank').map((m) => m.spans[0]!);
  for (const m of text.matchAll(rules.place.national)) if (!insideSpans(rankSpans, [m.index, m.index + m[0].length])) cues.push({ span: [m.index, m.index + m[0].length], place: country });
  for (const p of ctx.found.provinces) {
    for (const span of p.spans) if (!insideName(span)) cues.push({ span, place: { name: p.name, code: p.code, level: 'province' } });
  }
  for (const p of ctx.found.places) {
    for (const span of p.spans) if (!insideName(span)) cues.push({ span, place: { name: p.name, code: p.code, level: p.level, ...(p.province ? { province: p.province.name } : {}) } });
  }
  cues.sort((a, b) => a.span[0] - b.span[0]);
  const primary = ctx.found.provinces.find((p) => p.primary);
  const national = cues.some((c) => c.place === country) || rules.place.nationalSubject.test(text);
  const reporting = reportingPlace(ctx, rules, primary?.name ?? null);
  const topics = primary || reporting ? [] : cues.filter((c) => c.place?.level === 'province' && opensSentence(ctx, rules, c.span));
  return { cues, fallback: reporting ?? (primary ? { name: primary.name, code: primary.code, level: 'province' } : national ? country : null), topics, country };
}

/** Whether a province's mention opens its sentence, after at most the words that may lead it (`Tại Nghệ An, ...`, `Hà Tĩnh là ...`). */
function opensSentence(ctx: MetricsResolveContext, rules: MetricRules, span: Span): boolean {
  const sentence = spanAt(ctx.doc.sentences, span[0]);
  return sentence !== undefined && rules.place.topicLead.test(ctx.doc.text.slice(sentence[0], span[0]));
}

/**
 * The place below the province whose report the article is, if it is one: a
 * place named in the first lines (title and lead) that the text then speaks
 * of by its unit word alone (`toàn huyện`, `dự toán huyện giao`) more often,
 * and at least twice, than of its province (`toàn tỉnh`).
 */
function reportingPlace(ctx: MetricsResolveContext, rules: MetricRules, province: string | null): Place | null {
  const { text, lines } = ctx.doc;
  const lead: Span = [lines[0]?.[0] ?? 0, lines[Math.min(1, lines.length - 1)]?.[1] ?? 0];
  const named = ctx.found.places.filter((p) => p.spans.some(([s]) => s >= lead[0] && s < lead[1]) && (p.province === null || p.province.name === province));
  const listWords = ctx.rules.places.listWords;
  const alone = (word: string) =>
    [...text.matchAll(unitWordAlone(word))].filter((m) => !listWords.has(foldName(/([\p{L}\p{M}]+)\s+$/u.exec(text.slice(Math.max(0, m.index - 12), m.index))?.[1] ?? ''))).length;
  const reporting = named.filter((p) => {
    const unit = unitWordOf(p.name);
    const own = alone(unit);
    return own >= 2 && own > rules.place.provinceWords.filter((w) => foldName(w) !== foldName(unit)).reduce((sum, w) => sum + alone(w), 0);
  });
  const [only] = reporting;
  return reporting.length === 1 && only ? { name: only.name, code: only.code, level: only.level } : null;
}

/** Per unit word (a handful: `huyện`, `xã`, `tỉnh`, ...), the pattern of it alone, compiled once. */
const ALONE = new Map<string, RegExp>();

/**
 * A unit word not followed by a name (`toàn huyện`, `dự toán huyện giao`, not
 * `huyện Cẩm Thủy`); case-sensitive but for its first letter (under the `i`
 * flag `\p{Lu}` would match any letter).
 */
function unitWordAlone(word: string): RegExp {
  let pattern = ALONE.get(word);
  if (!pattern) {
    pattern = new RegExp(`(?<![\\p{L}\\p{M}])(?:${escapeRegExp(word)}|${escapeRegExp(word[0]!.toUpperCase() + word.slice(1))})(?![\\p{L}\\p{M}])(?![ \\t]+\\p{Lu})`, 'gu');
    ALONE.set(word, pattern);
  }
  return pattern;
}

/** The unit word a place's canonical name begins with (`Huyện Thường Tín` → `huyện`, `Thị xã Kỳ Anh` → `thị xã`). */
function unitWordOf(name: string): string {
  const words = name.split(' ');
  const nameStart = words.findIndex((w, i) => i > 0 && /^\p{Lu}/u.test(w));
  return words.slice(0, nameStart < 0 ? 1 : nameStart).join(' ').toLowerCase();
}

export function findPlace(metric: Found<Metric>, ctx: MetricsResolveContext, pc: PlaceContext): Place | null {
  const { text, sentences } = ctx.doc;
  const [start, end] = metric.spans[0]!;
  // a count of provinces is the country's (`15 tỉnh thành`, `16/34 địa phương`)
  const rules = ctx.rules.metrics.place;
  if (rules.provinceCount.test(metric.unit) || (rules.localCount.test(metric.unit) && metric.of !== undefined && rules.provinceTotals.has(metric.of))) return pc.country;
  const sentence = spanAt(sentences, start) ?? ([start, end] as Span);
  const asides = closedAsides(text, sentence[0], start);
  const usable = (c: Cue) => !(metric.kind === 'rank' && c.place?.level === 'country') && !asides.some(([s, e]) => s <= c.span[0] && c.span[1] <= e);
  const clauseStart = sentence[0] + lastClauseMark(text.slice(sentence[0], start));
  const inSentence = spansWithin(pc.cues, cueSpan, [sentence[0], start]).filter((c) => usable(c) && (c.place !== null || c.span[0] >= clauseStart));
  const before = inSentence.at(-1);
  // a province right after a place of its own is that place's address (`huyện Cẩm Thủy, tỉnh Thanh Hóa`)
  const held = inSentence.at(-2);
  if (before && held && before.place?.level === 'province' && held.place?.province === before.place.name && ADDRESS_GAP.test(text.slice(held.span[1], before.span[0]))) return placeOf(held);
  if (before) return placeOf(before);
  const stop = text.slice(end, sentence[1]).search(/[;,(]/u);
  const clauseEnd = stop < 0 ? sentence[1] : end + stop;
  // (`cả nước` after a figure is the scope of a comparison, `xếp thứ 12 cả nước`, not its place)
  const after = spansWithin(pc.cues, cueSpan, [end, clauseEnd]).find((c) => c.place !== null && c.place.level !== 'country' && usable(c));
  if (after) return placeOf(after);
  const topic = pc.topics[firstWhere(pc.topics, (c) => c.span[0] >= start) - 1];
  return topic ? placeOf(topic) : pc.fallback;
}

/** The cue's place as a record reports it (without the parent province it was matched with). */
function placeOf(cue: Cue): Place | null {
  if (!cue.place) return null;
  const { name, code, level } = cue.place;
  return { name, code, level };
}

/** What may stand between a place and its province: a comma and the province's unit word. */
const ADDRESS_GAP = /^\s*,?\s*(?:\p{L}+\s*){0,2}$/u;

/** Spans of the bracketed asides closed between `from` and `to`. */
function closedAsides(text: string, from: number, to: number): Span[] {
  return [...text.slice(from, to).matchAll(/\([^()]*\)/gu)].map((m) => [from + m.index, from + m.index + m[0].length] as Span);
}

/** Offset just after the last `,`, `;`, `:` or `(` in `part`, or 0. */
function lastClauseMark(part: string): number {
  const i = Math.max(part.lastIndexOf(','), part.lastIndexOf(';'), part.lastIndexOf(':'), part.lastIndexOf('('));
  return i + 1;
}
