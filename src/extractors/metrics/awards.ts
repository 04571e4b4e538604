/**
 * Awards: what the figures of a prize-giving measure.
 *
 * - a count of prizes (`1 giải Nhì`, `16 giải cá nhân`) is that prize of the
 *   event the paragraph last names before it (`cuộc thi viết thư quốc tế UPU
 *   lần thứ 53`, `cuộc thi “Tìm hiểu về Sếu đầu đỏ”`), unless its phrase names
 *   an event itself;
 * - money right after an award verb (`đạt giải Nhất (được thưởng 5 triệu
 *   đồng)`) is the prize money of the prize named just before it, of that
 *   event (`tiền thưởng giải Nhất cuộc thi ...`).
 * Any other figure is left as it is.
 */
import type { Span } from '../../model/entity.js';
import { firstWhere } from '../../tokenize/stream.js';
import type { MetricRules } from './rules.js';

/** An event named in the article, with the span of its name. */
export interface NamedEvent {
  span: Span;
  name: string;
}

export interface AwardQuery {
  /** Start of the mention. */
  start: number;
  unit: string;
  money: boolean;
  /** Start of the clause the mention opens or ends. */
  clauseStart: number;
  sentence: Span;
  /** Start of the paragraph: an event named before it is another story's. */
  paragraphStart: number;
}

/** Every named event, in order: one pass over the text. */
export function namedEvents(text: string, rules: MetricRules): NamedEvent[] {
  return [...text.matchAll(rules.awards.event)].map((m) => ({ span: [m.index, m.index + m[0].length] as Span, name: m[0] }));
}

/** How far before a prize's money its prize may be named, in characters. */
const PRIZE_REACH = 160;

/** The indicator of an award figure, or `found` for any other figure. */
export function awardIndicator(text: string, q: AwardQuery, found: string | null, events: () => readonly NamedEvent[], rules: MetricRules): string | null {
  const { awards } = rules;
  if (q.money && awards.money.test(text.slice(q.clauseStart, q.start))) {
    const from = Math.max(q.sentence[0], q.start - PRIZE_REACH);
    const prize = [...text.slice(from, q.start).matchAll(awards.prizeBefore)].at(-1)?.groups!['prize'];
    return join(awards.moneyHead, prize, eventBefore(events(), q.paragraphStart, q.start)?.name);
  }
  if (!awards.prize.test(q.unit)) return found;
  const phrase = found ?? q.unit;
  if (awards.eventWord.test(phrase)) return phrase;
  // the event names the prize, right after it; a context in brackets or what was done with the prize stays after
  // (`giải Nhất <event> (Đoàn huyện X giành)`, `giải Nhất <event> do Đoàn huyện X giành`)
  const { passive, agent } = rules.indicator.objectClause;
  const said = [' (', ` ${agent} `, ` ${passive} `].map((w) => phrase.indexOf(w, q.unit.length)).filter((at) => at >= 0);
  const named = Math.min(phrase.length, ...said);
  return join(phrase.slice(0, named), eventBefore(events(), q.paragraphStart, q.start)?.name) + phrase.slice(named);
}

/** The last event named between `from` and `offset`: a binary search. */
function eventBefore(events: readonly NamedEvent[], from: number, offset: number): NamedEvent | undefined {
  const last = events[firstWhere(events, (e) => e.span[1] > offset) - 1];
  return last && last.span[0] >= from ? last : undefined;
}

function join(...parts: Array<string | undefined>): string {
  return parts.filter(Boolean).join(' ');
}
