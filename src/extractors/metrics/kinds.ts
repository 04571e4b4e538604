/**
 * What kind of quantity a number is, from the words around it: a change
 * (`tăng 18%`, `giảm 2,27%`, with its baseline `so với năm 2023`), a rank
 * (`xếp thứ 15/63`, `đứng thứ 7 toàn quốc`, `TOP 15`) or a target (`kế hoạch
 * là 80%`, `Phấn đấu ... 100%`). Shares and levels follow from the unit.
 */
import type { Metric } from './schema.js';
import type { Span } from '../../model/entity.js';
import { execAtEnd } from '../../rules/pattern.js';
import { CUE_WINDOW } from './qualifiers.js';
import type { MetricRules } from './rules.js';

export interface ChangeReading {
  direction: NonNullable<Metric['direction']>;
  /** Offset of the change verb in `before`. */
  start: number;
}

/** A change verb ending `before` (`... tăng `). */
export function readChange(before: string, rules: MetricRules): ChangeReading | null {
  const m = execAtEnd(rules.change, before, CUE_WINDOW);
  if (!m) return null;
  const direction = rules.direction(m.groups!['form']!);
  return direction ? { direction, start: m.index } : null;
}

export interface RankReading {
  /** Offset of the cue in `before`. */
  start: number;
  /** `TOP 15`: within the first 15. */
  top: boolean;
}

/** A rank cue ending `before` (`xếp thứ `, `đứng thứ `, `TOP `), unless it is an occurrence (`lần thứ `). */
export function readRank(before: string, rules: MetricRules): RankReading | null {
  const top = execAtEnd(rules.ranks.top, before, CUE_WINDOW);
  if (top) return { start: top.index, top: true };
  const m = execAtEnd(rules.ranks.cue, before, CUE_WINDOW);
  if (!m || execAtEnd(rules.ranks.notAfter, before.slice(0, m.index), CUE_WINDOW)) return null;
  return { start: m.index, top: false };
}

/** A planned value: an immediate cue (`kế hoạch là `) or a sentence cue earlier in the sentence (`Phấn đấu`). */
export function isTarget(sentenceBefore: string, immediateBefore: string, rules: MetricRules): boolean {
  return rules.targets.immediate.test(immediateBefore) || rules.targets.sentence.test(sentenceBefore);
}

/**
 * The baseline of a change: `so với X` after it in its clause, a baseline noun
 * right after it (`tăng 10,74% kế hoạch được giao`), or else a `so với X`
 * earlier in the sentence that the change shares (`tăng trưởng vượt bậc so
 * với năm 2023 như: ... tăng trưởng 299%`) or in its own clause before the
 * number (`tăng so với năm 2023 là 0,12%`).
 */
export function comparedTo(text: string, after: number, clause: Span, sentence: Span, rules: MetricRules, numberStart: number): string | undefined {
  const baseline = rules.comparison.baseline.exec(text.slice(after, clause[1]));
  if (baseline) return phrase(text, after + baseline[0].length - baseline.groups!['form']!.length, clause[1], rules);
  // the rules' own global pattern: every exec below is preceded by setting lastIndex;
  // each search runs over the text up to the end of its sentence, not to the end of the article
  const marker = rules.comparison.marker;
  const upToSentenceEnd = text.slice(0, sentence[1]);
  marker.lastIndex = after;
  const later = marker.exec(upToSentenceEnd);
  if (later && later.index < clause[1]) return phrase(text, later.index + later[0].length, clause[1], rules);
  marker.lastIndex = sentence[0];
  let earlier: string | undefined;
  // (or said between the change verb and its number: `tăng so với năm 2023 là 0,12%`)
  for (let m = marker.exec(upToSentenceEnd); m && (m.index < clause[0] || m.index < numberStart); m = marker.exec(upToSentenceEnd)) {
    earlier = phrase(text, m.index + m[0].length, sentence[1], rules);
  }
  return earlier;
}

/** The words from `start` to the first clause mark or end word, or `end`. */
function phrase(text: string, start: number, end: number, rules: MetricRules): string | undefined {
  const part = text.slice(start, end);
  const stop = part.search(rules.comparison.end);
  const out = part.slice(0, stop).trim();
  return out || undefined;
}
