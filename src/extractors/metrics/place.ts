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
 * the country, places its figures in Việt Nam.
 */
import type { Metric } from './schema.js';
import type { MetricsResolveContext } from './context.js';
import type { Found, Span } from '../../model/entity.js';
import { spanAt, spansWithin } from '../../tokenize/index.js';
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
}

/** Once per article: every place cue, and the place of figures without one. */
export function placeContext(ctx: MetricsResolveContext, rules: MetricRules): PlaceContext {
  const { text } = ctx.doc;
  const country: Place = { name: rules.place.country, code: null, level: 'country' };
  const names: Cue[] = [];
  for (const m of text.matchAll(rules.place.noTerritory)) names.push({ span: [m.index, m.index + m[0].length], place: null });
  const nameSpans = names.map((n) => n.span);
  const insideName = (span: Span) => (spanAt(nameSpans, span[0])?.[1] ?? -1) >= span[1];
  const cues: Cue[] = [...names];
  for (const m of text.matchAll(rules.place.national)) cues.push({ span: [m.index, m.index + m[0].length], place: country });
  for (const p of ctx.found.provinces) {
    for (const span of p.spans) if (!insideName(span)) cues.push({ span, place: { name: p.name, code: p.code, level: 'province' } });
  }
  for (const p of ctx.found.places) {
    for (const span of p.spans) if (!insideName(span)) cues.push({ span, place: { name: p.name, code: p.code, level: p.level, ...(p.province ? { province: p.province.name } : {}) } });
  }
  cues.sort((a, b) => a.span[0] - b.span[0]);
  const primary = ctx.found.provinces.find((p) => p.primary);
  const national = cues.some((c) => c.place === country);
  return { cues, fallback: primary ? { name: primary.name, code: primary.code, level: 'province' } : national ? country : null };
}

export function findPlace(metric: Found<Metric>, ctx: MetricsResolveContext, pc: PlaceContext): Place | null {
  const { text, sentences } = ctx.doc;
  const [start, end] = metric.spans[0]!;
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
  return after ? placeOf(after) : pc.fallback;
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
