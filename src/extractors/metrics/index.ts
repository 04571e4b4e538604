/**
 * Metrics: every quantity the article reports, with its value, unit, kind,
 * qualifier and indicator.
 *
 * Each number (in digits, or a number word before a unit) is read outwards:
 * a fraction (`678/678`) or range (`7-10`) and multipliers (`tỷ`) after it,
 * then its unit (`units.ts`); a rank cue, qualifier and change verb before it
 * (`kinds.ts`, `qualifiers.ts`); then what it measures (`indicator.ts`).
 * Numbers in names, codes, addresses, dates and document symbols are left
 * alone (`traps.ts`), and a number without a unit is no metric, except a rank,
 * a bare amount in a sentence about money (`584 tỷ` → VND) and a count whose
 * subject names what it counts (`Số thuê bao ... là 1.883.522`).
 */
import type { Metric, Span } from '../../output/schema.js';
import { spanAt, type OverlapIndex } from '../../tokenize/index.js';
import type { ExtractContext, Extractor, Found } from '../types.js';
import { findIndicator, subjectBefore } from './indicator.js';
import { comparedTo, isTarget, readChange, readRank } from './kinds.js';
import { LEADING_NUMBER, parseNumber, scale, STANDALONE_NUMBER } from './numbers.js';
import { readQualifier, readQualifierAfter } from './qualifiers.js';
import type { MetricRules } from './rules.js';
import { blockedAt, blockedSpans, followsName, type Blocked } from './traps.js';
import { readUnit, type UnitReading, type Words } from './units.js';

/** vntk tags of prepositions and conjunctions. */
const NOT_A_NOUN_TAGS = new Set(['E', 'C']);

interface Env {
  ctx: ExtractContext;
  rules: MetricRules;
  blocked: OverlapIndex<Blocked>;
  words: Words;
  names: readonly Span[];
}

interface Read {
  metric: Found<Metric>;
  sentence: Span;
}

export const metricsExtractor: Extractor<'metrics'> = {
  type: 'metrics',

  extract(ctx) {
    const rules = ctx.rules.metrics;
    const { text } = ctx.doc;
    const candidates = [...text.matchAll(STANDALONE_NUMBER), ...text.matchAll(rules.units.glued), ...text.matchAll(rules.numberWords.pattern)].sort(
      (a, b) => a.index - b.index,
    );
    if (candidates.length === 0) return [];
    const env: Env = {
      ctx,
      rules,
      blocked: blockedSpans(ctx, rules),
      words: ctx.doc.taggedAt,
      names: (ctx.found.provinces ?? []).flatMap((p) => p.spans),
    };
    const out: Read[] = [];
    let consumed = 0;
    for (const m of candidates) {
      if (m.index < consumed) continue;
      const previous = out.at(-1);
      const read = readMetric(env, m.index, m[0], previous ?? null);
      if (!read) continue;
      out.push(read);
      consumed = read.metric.spans[0]![1];
    }
    return out.map((r) => r.metric);
  },
};

function readMetric(env: Env, start: number, literal: string, previous: Read | null): Read | null {
  const { ctx, rules } = env;
  const { text } = ctx.doc;
  let end = start + literal.length;
  if (blockedAt(env.blocked, [start, end])) return null;
  const sentence = spanAt(ctx.doc.sentences, start) ?? ([start, end] as Span);
  const before = text.slice(sentence[0], start);

  // the number: digits, or a number word (which needs a unit after it)
  const word = !/^\d/u.test(literal);
  const spelled = word ? rules.numberWords.value(literal) : undefined;
  if (word && (!spelled || rules.numberWords.blockedAfter.test(before))) return null;
  let value = spelled ? spelled.value : parseNumber(literal);
  if (value === null) return null;

  // a fraction `678/678` or a range `7-10`, `30 đến 40`
  let of: number | undefined;
  let max: number | undefined;
  const tail = rules.secondNumber.exec(text.slice(end));
  const second = tail && LEADING_NUMBER.exec(tail.groups!['n']!);
  if (tail && second && !word) {
    const n = parseNumber(second[0])!;
    const stop = end + tail.groups!['sep']!.length + second[0].length;
    if (/^[/-]\d/u.test(text.slice(stop))) return null; // a date: 10/11/2022
    if (tail.groups!['sep'] === '/') [of, end] = [n, stop];
    else if (n > value) [max, end] = [n, stop];
  }

  // multipliers: `838 tỷ`, `1,2 nghìn tỷ`
  let multiplied = false;
  for (let m = rules.multipliers.next.exec(text.slice(end)); m; m = rules.multipliers.next.exec(text.slice(end))) {
    const factor = rules.multipliers.factor(m.groups!['form']!)!;
    value = scale(value, factor);
    if (max !== undefined) max = scale(max, factor);
    end += m[0].length;
    multiplied = true;
  }

  // a rank: `xếp thứ 15/63`, `đứng thứ 7 toàn quốc`, `TOP 15`
  const rank = word ? null : readRank(before, rules);
  if (rank) return rankMetric(env, { start: sentence[0] + rank.start, end, value, of, top: rank.top, sentence, previous });
  if (followsName(text, start, (w) => rules.qualifier.test(w + ' ') || rules.change.test(w + ' ') || rules.indicator.verb.test(w + ' '))) return null;

  // qualifier and change verb before the number; a fraction is a share, never a change (`đạt và vượt 34/46 chỉ tiêu`)
  const qualifier = readQualifier(before, rules);
  const beforeQualifier = qualifier ? before.slice(0, qualifier.start) : before;
  const change = of === undefined ? readChange(qualifier ? beforeQualifier : before, rules) : null;
  let mentionStart = start;
  if (qualifier?.adjacent) mentionStart = sentence[0] + qualifier.start;
  if (change && (!qualifier || qualifier.adjacent)) mentionStart = sentence[0] + change.start;

  // the unit
  let unit: UnitReading | null = spelled?.unit
    ? { unit: spelled.unit, start: end, end, rule: spelled.id, money: false, counted: false }
    : readUnit(text, end, rules, env.words, change !== null);
  if (word && (!unit || !(unit.counted || spelled?.unit))) return null;
  if (max !== undefined && !unit) max = undefined;
  const clauseStart = clauseOf(text, sentence, mentionStart, previous);
  if (!unit && multiplied && (rules.indicator.money.test(text.slice(sentence[0], sentence[1])) || previous?.metric.unit === 'VND')) {
    unit = { unit: 'VND', start: end, end, rule: 'bare-amount', money: true, counted: false };
  }
  if (!unit) {
    const subject = subjectBefore(text, clauseStart, mentionStart, rules);
    const counted = subject && countedBySubject(env, subject);
    if (!counted) return null;
    unit = { unit: counted, start: end, end, rule: 'count-subject', money: false, counted: true };
  }
  end = Math.max(end, unit.end);
  const trailing = readQualifierAfter(text.slice(end), rules);
  if (trailing) end += trailing.length;

  // kind: a target cue right before a change makes it a planned change (`mục tiêu tăng trưởng 12%`)
  const immediate = text.slice(Math.max(sentence[0], mentionStart - 40), mentionStart);
  const kind: Metric['kind'] =
    change && !rules.targets.immediate.test(immediate)
      ? 'change'
      : isTarget(text.slice(sentence[0], mentionStart), immediate, rules)
        ? 'target'
        : unit.unit === '%' || of !== undefined
          ? 'share'
          : 'level';

  const clauseEnd = nextClauseMark(text, end, sentence[1]);
  // a percentage of the noun after it (`97,8% hồ sơ`), not of a preposition or conjunction (`12% trong năm 2025`)
  const afterPercent = unit.unit === '%' ? /^\s*(?=\p{L})/u.exec(text.slice(end)) : null;
  const nounStart = afterPercent && !NOT_A_NOUN_TAGS.has(env.words(end + afterPercent[0].length)?.word.tag ?? '') ? end + afterPercent[0].length : null;
  const linked = (change !== null && mentionStart === sentence[0] + change.start) || (qualifier?.adjacent === true && rules.indicator.verb.test(text.slice(mentionStart, start)));
  const indicator = findIndicator(
    text,
    {
      start: mentionStart,
      linked,
      noun: unit.counted ? { start: unit.start, end: unit.end, percent: false } : nounStart !== null ? { start: nounStart, end: nounStart, percent: true } : null,
      end,
      clause: [clauseStart, sentence[1]],
      wide: wideClauseOf(text, sentence, mentionStart, previous),
      sentence,
      rank: false,
      change: change !== null,
      unit: unit.unit,
      previous: sameSentence(previous, sentence),
      names: env.names,
    },
    rules,
    env.words,
  );
  const metric: Found<Metric> = {
    value,
    unit: unit.unit,
    indicator,
    kind,
    qualifier: qualifier?.value ?? trailing?.value ?? null,
    ...(of !== undefined ? { of } : {}),
    ...(max !== undefined ? { max } : {}),
    spans: [[mentionStart, end]],
    rule: unit.rule,
  };
  if (change) {
    metric.direction = change.direction;
    const baseline = comparedTo(text, end, [clauseStart, clauseEnd], sentence, rules);
    if (baseline) metric.compared_to = baseline;
  }
  return { metric, sentence };
}

interface RankQuery {
  start: number;
  end: number;
  value: number;
  of: number | undefined;
  top: boolean;
  sentence: Span;
  previous: Read | null;
}

function rankMetric(env: Env, q: RankQuery): Read {
  const { text } = env.ctx.doc;
  let { end, of } = q;
  const over = env.rules.ranks.of.exec(text.slice(end));
  if (of === undefined && over) [of, end] = [Number(over.groups!['n']), end + over[0].length];
  const scope = env.rules.ranks.scope.exec(text.slice(end));
  if (scope) end += scope[0].length;
  const clauseStart = clauseOf(text, q.sentence, q.start, q.previous);
  const indicator = findIndicator(
    text,
    {
      start: q.start,
      linked: true,
      noun: null,
      end,
      clause: [clauseStart, q.sentence[1]],
      wide: wideClauseOf(text, q.sentence, q.start, q.previous),
      sentence: q.sentence,
      rank: true,
      change: false,
      unit: 'rank',
      previous: sameSentence(q.previous, q.sentence),
      names: env.names,
    },
    env.rules,
    env.words,
  );
  return {
    metric: {
      value: q.value,
      unit: 'rank',
      indicator,
      kind: 'rank',
      qualifier: q.top ? 'at_most' : null,
      ...(of !== undefined ? { of } : {}),
      spans: [[q.start, end]],
      rule: q.top ? 'rank-top' : 'rank-ordinal',
    },
    sentence: q.sentence,
  };
}

/** `Số thuê bao điện thoại ... là 1.883.522` counts `thuê bao`: the word after the count prefix. */
function countedBySubject(env: Env, [s, e]: Span): string | null {
  const { text } = env.ctx.doc;
  const phrase = text.slice(s, e);
  const lead = /^[\s,]*/u.exec(phrase)![0].length;
  const prefix = env.rules.indicator.countPrefix.exec(phrase.slice(lead));
  if (!prefix) return null;
  const noun = env.words(s + lead + prefix[0].length)?.word;
  return noun && /^\p{Ll}/u.test(noun.text) && noun.end <= e ? noun.text : null;
}

function sameSentence(previous: Read | null, sentence: Span): { indicator: string | null; unit: string } | null {
  return previous && previous.sentence[0] === sentence[0] ? { indicator: previous.metric.indicator, unit: previous.metric.unit } : null;
}

/** Just after the last clause mark (`;`, `:`, `(`, `,`, ` - `) before `start` in its sentence, and never before the previous metric. */
function clauseOf(text: string, sentence: Span, start: number, previous: Read | null): number {
  return afterLastMark(text, sentence, start, previous, /[;:(,]|\s[-–]\s(?!\p{Ll})/gu);
}

/** As `clauseOf`, but looking back past commas. */
function wideClauseOf(text: string, sentence: Span, start: number, previous: Read | null): number {
  return afterLastMark(text, sentence, start, previous, /[;:()]|\s[-–]\s(?!\p{Ll})/gu);
}

function afterLastMark(text: string, sentence: Span, start: number, previous: Read | null, marks: RegExp): number {
  let at = sentence[0];
  // a bracket closed before the number is an aside (`Tốc độ tăng trưởng (GRDP) ước đạt`): blank it
  const part = text.slice(sentence[0], start).replace(/\([^()]*\)/gu, (aside) => ' '.repeat(aside.length));
  for (const m of part.matchAll(marks)) at = sentence[0] + m.index + m[0].length;
  const last = previous && previous.sentence[0] === sentence[0] ? previous.metric.spans[0]![1] : 0;
  return Math.max(at, Math.min(last, start));
}

/** The first clause mark (`;`, `(`, `)`) after `from`, or `limit`. */
function nextClauseMark(text: string, from: number, limit: number): number {
  const i = text.slice(from, limit).search(/[;()]/u);
  return i < 0 ? limit : from + i;
}
