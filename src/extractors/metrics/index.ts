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
import type { Found, Span } from '../../model/entity.js';
import { execAtEnd } from '../../rules/pattern.js';
import { firstWhere, spanAt, spansWithin, type OverlapIndex } from '../../tokenize/index.js';
import type { EntityModule } from '../types.js';
import { awardIndicator, namedEvents, type NamedEvent } from './awards.js';
import type { MetricsExtractContext, Needs } from './context.js';
import { indicatorIdOf, indicatorRules } from './indicator-ids.js';
import { findIndicator, finishIndicator, listPredicate, measureWritten, perPopulation, subjectBefore, type IndicatorQuery } from './indicator.js';
import { comparedTo, isTarget, readChange, readRank, type ChangeReading } from './kinds.js';
import { LEADING_NUMBER, parseNumber, scale, STANDALONE_NUMBER } from './numbers.js';
import { findPeriod, periodContext } from './period.js';
import { findPlace, placeContext } from './place.js';
import { CUE_WINDOW, readQualifier, readQualifierAfter, type QualifierReading } from './qualifiers.js';
import { metricRules, type MetricRules } from './rules.js';
import { MetricSchema, type Metric } from './schema.js';
import { blockedAt, blockedSpans, followsName, type Blocked } from './traps.js';
import { readPartAfter, readUnit, type UnitReading, type Words } from './units.js';
import { metricsCsv, metricsGold, metricsHtml } from './view.js';

/** vntk tags of prepositions and conjunctions. */
const NOT_A_NOUN_TAGS = new Set(['E', 'C']);

interface Env {
  ctx: MetricsExtractContext;
  rules: MetricRules;
  blocked: OverlapIndex<Blocked>;
  words: Words;
  names: readonly Span[];
  /** Spans of every province and place below it the article names, sorted: a figure right after one is of that territory. */
  territories: readonly Span[];
  /** Spans of the dates found: a period inside an indicator is cut from it. */
  dates: readonly Span[];
  /** The events the article names, found when a figure first asks. */
  events(): readonly NamedEvent[];
  /** The first word (lower-cased) of every noun a figure so far has counted (`thí sinh` of `1.071.393 thí sinh`). */
  countedNouns: Set<string>;
  /** By sentence start: whether the sentence lists targets the sentence before it set (see `listsTargets`), once per sentence. */
  targetLists: Map<number, boolean>;
}

interface Read {
  metric: Found<Metric>;
  sentence: Span;
  /** For a figure right after a name, what it measures without the name (`lượng mưa` of `Cẩm Nhượng 292mm`). */
  measure?: string | null;
  /** The figure its sentence breaks down (see `parentOf`). */
  parent?: Read | null;
}

export const metricsModule: EntityModule<'metrics', Needs, 'dates' | 'provinces' | 'places'> = {
  type: 'metrics',
  schema: MetricSchema,
  rules: metricRules,
  extraRules: { indicators: indicatorRules },
  needs: ['dates', 'documents', 'provinces', 'places'],

  extract(ctx) {
    const rules = ctx.rules.metrics;
    const { text } = ctx.doc;
    const candidates = [
      ...text.matchAll(STANDALONE_NUMBER),
      ...text.matchAll(rules.units.glued),
      ...text.matchAll(rules.units.afterCode),
      ...text.matchAll(rules.numberWords.pattern),
    ].sort(
      (a, b) => a.index - b.index,
    );
    if (candidates.length === 0) return [];
    let events: NamedEvent[] | undefined;
    const env: Env = {
      ctx,
      rules,
      blocked: blockedSpans(ctx, rules),
      words: ctx.doc.taggedAt,
      names: bySpanStart(ctx.found.provinces.flatMap((p) => p.spans)),
      territories: bySpanStart([...ctx.found.provinces, ...ctx.found.places].flatMap((p) => p.spans)),
      dates: bySpanStart(ctx.found.dates.flatMap((d) => d.spans)),
      events: () => (events ??= namedEvents(text, rules)),
      countedNouns: new Set(),
      targetLists: new Map(),
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
    // counts of a list share the predicate the last one states, so the last is read first
    for (let i = out.length - 2; i >= 0; i--) {
      const { metric } = out[i]!;
      const shared = listPredicate(text, metric, out[i + 1]!.metric, rules);
      if (shared) Object.assign(metric, { indicator: shared, indicatorId: indicatorIdOf(shared, metric.unit, ctx.rules.indicators) });
    }
    return out.map((r) => r.metric);
  },

  // once the dates and provinces are resolved: each figure's period and place
  resolve: {
    needs: ['dates', 'provinces', 'places'],
    run(metrics, ctx) {
      if (metrics.length === 0) return metrics;
      const rules = ctx.rules.metrics;
      const periods = periodContext(ctx, rules);
      const places = placeContext(ctx, rules, metrics);
      return metrics.map((m) => ({ ...m, period: findPeriod(m, ctx, periods), place: findPlace(m, ctx, places) }));
    },
  },
  csv: metricsCsv,
  html: metricsHtml,
  gold: metricsGold,
};

/** A number as read so far: its value and the offsets of what it covers. */
interface NumberReading {
  value: number;
  /** Written as a word (`hai`), which needs a unit after it. */
  word: boolean;
  /** The unit a number word implies (`một nửa` → %). */
  spelledUnit: { unit: string; id: string } | null;
  of: number | undefined;
  max: number | undefined;
  /** Whether a multiplier (`tỷ`) followed it. */
  multiplied: boolean;
  end: number;
}

/**
 * Whether a number right after a capitalised name is a figure of the named
 * thing rather than part of the name (`Nghị quyết 57`): a unit of measure
 * says so (`Cẩm Nhượng 292mm`, `Điện Biên 6,76%`), and a counted noun does
 * after a place the article names (`phường Hoành Sơn 1 người`); a length of
 * time or an age does not (`Chỉ thị 15 ngày 20/5`).
 */
function measuresName(env: Env, start: number, unit: UnitReading): boolean {
  if (env.rules.units.notAfterNames.has(unit.unit)) return false;
  return !unit.counted || placeEndsAt(env, start);
}

/**
 * What a figure right after a name measures (`Lượng mưa ...: Cẩm Nhượng
 * 292mm, Kỳ Anh 288mm`, `trong đó xã Mai Phụ 2 người`): the measure written
 * before the list (up to its colon, or the figure before it), else what the
 * figure before it in its sentence measures, when of its unit (a counted noun
 * may be said shorter: `2 người` after `4 người bị thương`), else what the
 * lead-in before a colon says, else what its own subject says. A name that is
 * no place the article knows (a rain gauge, a river, a reservoir) stays in
 * the indicator, as no other field says it.
 */
function namedIndicator(env: Env, q: IndicatorRead, start: number): { indicator: string | null; measure: string | null } {
  const { text } = env.ctx.doc;
  const name = NAME_BEFORE.exec(text.slice(Math.max(q.sentence[0], start - NAME_REACH), start))?.[0] ?? '';
  const nameSpan: Span = [start - name.length, start - (name.length - name.trimEnd().length)];
  const previous = q.previous && q.previous.sentence[0] === q.sentence[0] ? q.previous : null;
  // (looked for within the sentence: a scan back from the name over the whole text would cost the text's length per figure)
  const inSentence = text.slice(q.sentence[0], nameSpan[0]).lastIndexOf(':');
  const colon = inSentence < 0 ? -1 : q.sentence[0] + inSentence;
  const leadEnd = colon >= 0 ? colon : (previous?.metric.spans[0]![0] ?? nameSpan[0]);
  const sameUnit = previous !== null && (previous.metric.unit === q.unit || previous.metric.unit.startsWith(`${q.unit} `));
  // (the item before in the same list already read the lead-in: each item reads it once, not the sentence again)
  const measure =
    (sameUnit && previous.measure !== undefined ? previous.measure : undefined) ??
    measureWritten(text, q.sentence[0], leadEnd, env.rules, env.words) ??
    (sameUnit
      ? (previous.measure ?? previous.metric.indicator)
      : colon >= 0
        ? readIndicator(env, { ...q, start: colon, end: colon, noun: null, linked: false })
        : readIndicator(env, q));
  const next = env.territories[firstWhere(env.territories, ([, e]) => e > nameSpan[0])];
  const place = next !== undefined && next[0] < nameSpan[1];
  return { indicator: measure && !place ? `${measure} ${name.trim()}` : measure, measure };
}

/** The capitalised words right before a figure (`Cẩm Nhượng `, `Ngàn Phố `). */
const NAME_BEFORE = /(?<![\p{L}\p{M}])(?:\p{Lu}[\p{L}\p{M}]*[ \t]+)+$/u;
const NAME_REACH = 60;

/** What stands before the number: its qualifier and change verb, and where the mention starts. */
interface Cues {
  qualifier: QualifierReading | null;
  change: ChangeReading | null;
  mentionStart: number;
}

/** A number read outwards in named steps: number → extent → (rank) → cues → unit → kind → indicator. */
function readMetric(env: Env, start: number, literal: string, previous: Read | null): Read | null {
  const { ctx, rules } = env;
  const { text } = ctx.doc;
  if (blockedAt(env.blocked, [start, start + literal.length])) return null;
  const sentence = spanAt(ctx.doc.sentences, start) ?? ([start, start + literal.length] as Span);
  const before = text.slice(sentence[0], start);

  const number = readNumber(env, start, literal, before);
  if (!number || !readExtent(env, number)) return null;

  // a rank: `xếp thứ 15/63`, `đứng thứ 7 toàn quốc`, `TOP 15`
  const rank = number.word ? null : readRank(before, rules);
  // the old position of a movement is the new one's baseline (`từ vị trí 20 lên vị trí 15`)
  if (rank && rules.ranks.movesTo.test(text.slice(number.end, sentence[1]))) return null;
  if (rank) return rankMetric(env, { start: sentence[0] + rank.start, end: number.end, value: number.value, of: number.of, top: rank.top, sentence, previous });
  const named = followsName(text, start, (w) => rules.qualifier.test(w + ' ') || rules.change.test(w + ' ') || rules.indicator.verb.test(w + ' '));

  const cues = readCues(env, number, before, sentence[0], start, previous);
  const clauseStart = clauseOf(env, sentence, cues.mentionStart, previous);
  const unit = readMetricUnit(env, number, cues, sentence, clauseStart, previous);
  if (!unit || (named && !measuresName(env, start, unit))) return null;
  if (unit.rule === 'counted-noun') {
    const noun = env.words(unit.start)?.word.text.toLowerCase();
    if (noun) env.countedNouns.add(noun);
  }
  // a currency written first opens the mention (`$5`, `USD 5,5`)
  cues.mentionStart = Math.min(cues.mentionStart, unit.start);
  let end = Math.max(number.end, unit.end);
  const part = number.multiplied ? null : readPartAfter(text, unit, rules, env.words);
  if (part) [number.value, end] = [scale(number.value + part.add, 1), Math.max(end, part.end)];
  const trailing = readQualifierAfter(text.slice(end), rules);
  if (trailing) end += trailing.length;
  const kind = readKind(env, number, cues, unit, sentence, clauseStart);

  // a percentage of the noun after it (`97,8% hồ sơ`), not of a preposition or conjunction (`12% trong năm 2025`),
  // and an area of the land named after it (`13.327 ha lúa Hè Thu`: a noun)
  const areaOf = rules.units.measureOf.get(unit.unit);
  const afterUnit = unit.unit === '%' || areaOf ? /^\s*(?=\p{L})/u.exec(text.slice(end)) : null;
  const nounTag = afterUnit ? (env.words(end + afterUnit[0].length)?.word.tag ?? '') : '';
  const nounStart = afterUnit && (areaOf ? nounTag.startsWith('N') : !NOT_A_NOUN_TAGS.has(nounTag)) ? end + afterUnit[0].length : null;
  const { change, qualifier, mentionStart } = cues;
  const query: IndicatorRead = {
    start: mentionStart,
    linked: (change !== null && mentionStart === sentence[0] + change.start) || (qualifier?.adjacent === true && rules.indicator.verb.test(text.slice(mentionStart, start))),
    noun: unit.counted ? { start: unit.start, end: unit.end, percent: false } : nounStart !== null ? { start: nounStart, end: nounStart, percent: true, ...(areaOf ? { measure: areaOf } : {}) } : null,
    end,
    sentence,
    rank: false,
    change: change !== null,
    unit: unit.unit,
    money: unit.money,
    kind,
    previous,
    parent: parentOf(env, previous, sentence),
    inherited: unit.rule === 'unit-of-previous',
  };
  const { indicator, measure } = named ? namedIndicator(env, query, start) : { indicator: readIndicator(env, query), measure: undefined };
  const metric: Found<Metric> = {
    value: number.value,
    unit: unit.unit,
    indicator,
    kind,
    qualifier: qualifier?.value ?? trailing?.value ?? null,
    ...(number.of !== undefined ? { of: number.of } : {}),
    ...(number.max !== undefined ? { max: number.max } : {}),
    spans: [[mentionStart, end]],
    rule: unit.rule,
    period: null,
    place: null,
    indicatorId: indicatorIdOf(indicator, unit.unit, ctx.rules.indicators),
  };
  if (change || kind === 'change') {
    metric.direction = change?.direction ?? 'up';
    const baseline = comparedTo(text, end, [clauseStart, nextClauseMark(text, end, sentence[1])], sentence, rules, start);
    if (baseline) metric.compared_to = baseline;
  }
  return { metric, sentence, parent: query.parent, ...(measure !== undefined ? { measure } : {}) };
}

/** The number: digits, or a number word (which needs a unit after it, and none of the words that make it an ordinal before it). */
function readNumber(env: Env, start: number, literal: string, before: string): NumberReading | null {
  const { rules } = env;
  const word = !/^\d/u.test(literal);
  const spelled = word ? rules.numberWords.value(literal) : undefined;
  if (word && (!spelled || rules.numberWords.blockedAfter.test(before))) return null;
  const value = spelled ? spelled.value : parseNumber(literal);
  if (value === null) return null;
  const spelledUnit = spelled?.unit ? { unit: spelled.unit, id: spelled.id } : null;
  return { value, word, spelledUnit, of: undefined, max: undefined, multiplied: false, end: start + literal.length };
}

/** A fraction `678/678` or a range `7-10`, `30 đến 40`, then multipliers `838 tỷ`, `1,2 nghìn tỷ`; false for a date (`10/11/2022`). */
function readExtent(env: Env, n: NumberReading): boolean {
  const { rules } = env;
  const { text } = env.ctx.doc;
  const tail = rules.secondNumber.exec(text.slice(n.end));
  const second = tail && LEADING_NUMBER.exec(tail.groups!['n']!);
  if (tail && second && !n.word) {
    const value = parseNumber(second[0])!;
    const stop = n.end + tail.groups!['sep']!.length + second[0].length;
    if (/^[/-]\d/u.test(text.slice(stop))) return false;
    if (tail.groups!['sep'] === '/') [n.of, n.end] = [value, stop];
    else if (value > n.value) [n.max, n.end] = [value, stop];
  }
  for (let m = rules.multipliers.next.exec(text.slice(n.end)); m; m = rules.multipliers.next.exec(text.slice(n.end))) {
    const factor = rules.multipliers.factor(m.groups!['form']!)!;
    n.value = scale(n.value, factor);
    if (n.max !== undefined) n.max = scale(n.max, factor);
    n.end += m[0].length;
    n.multiplied = true;
    // a half of the multiplier: `hai triệu rưỡi`
    const half = rules.half.exec(text.slice(n.end));
    if (half) [n.value, n.end] = [scale(n.value + factor / 2, 1), n.end + half[0].length];
  }
  return true;
}

/** The qualifier and change verb before the number; a fraction is a share, never a change (`đạt và vượt 34/46 chỉ tiêu`). */
function readCues(env: Env, n: NumberReading, before: string, sentenceStart: number, start: number, previous: Read | null): Cues {
  const read = readQualifier(before, env.rules);
  // a change verb that ends in a qualifier's word is the change (`cao hơn 0,3 điểm`), not `hơn`
  const whole = n.of === undefined && read ? readChange(before, env.rules) : null;
  const qualifier = whole && read && whole.start < read.start ? null : read;
  const change = n.of === undefined ? (whole && !qualifier ? whole : (readChange(qualifier ? before.slice(0, qualifier.start) : before, env.rules) ?? coordinatedChange(env, n, before, previous, sentenceStart))) : null;
  let mentionStart = start;
  if (qualifier?.adjacent) mentionStart = sentenceStart + qualifier.start;
  if (change && (!qualifier || qualifier.adjacent)) mentionStart = sentenceStart + change.start;
  return { qualifier, change, mentionStart };
}

/**
 * A second change joined to the change before it, against another baseline
 * (`tăng 0,29% so với tháng trước và 2,94% so với cùng kỳ`: the verb said
 * once), or as its average (`giảm 3,64%, bình quân 1,21%/năm`).
 */
function coordinatedChange(env: Env, n: NumberReading, before: string, previous: Read | null, sentenceStart: number): ChangeReading | null {
  if (!previous || previous.sentence[0] !== sentenceStart || previous.metric.kind !== 'change' || !previous.metric.direction) return null;
  // (searched near the end of the text before: searched whole before each of many figures, the cost is its square)
  const joined = execAtEnd(JOINED, before, CUE_WINDOW);
  const average = joined ? null : execAtEnd(env.rules.indicator.averageAfterChange, before, CUE_WINDOW);
  if (average) return { direction: previous.metric.direction, start: average.index };
  if (!joined || !env.rules.comparison.next.test(env.ctx.doc.text.slice(n.end, n.end + COORDINATED_REACH))) return null;
  return { direction: previous.metric.direction, start: before.length };
}

/** What joins a change to the one before it: a comma, `và`, `còn`. */
const JOINED = /(?:,|\svà|\scòn)\s*$/u;

/** How far after a coordinated change's number its baseline marker may begin, in characters. */
const COORDINATED_REACH = 24;

/**
 * The unit: a number word's own, a unit word or counted noun after the number,
 * a bare amount in a sentence about money (`584 tỷ` → VND), or the noun a
 * count's subject names (`Số thuê bao ... là 1.883.522`); null when there is none.
 */
function readMetricUnit(env: Env, n: NumberReading, cues: Cues, sentence: Span, clauseStart: number, previous: Read | null): UnitReading | null {
  const { rules } = env;
  const { text } = env.ctx.doc;
  if (n.spelledUnit) return { unit: n.spelledUnit.unit, start: n.end, end: n.end, rule: n.spelledUnit.id, money: false, counted: false };
  const unit = readUnit(text, n.end, rules, env.words, cues.change !== null);
  if (n.word) return unit?.counted || unit?.money ? unit : null;
  if (!unit && n.max !== undefined) n.max = undefined;
  if (unit) return unit;
  if (n.multiplied && (rules.indicator.money.test(text.slice(sentence[0], sentence[1])) || previous?.metric.unit === 'VND')) {
    return { unit: 'VND', start: n.end, end: n.end, rule: 'bare-amount', money: true, counted: false };
  }
  // a bare figure of a breakdown by place after a figure (`99 ngôi nhà bị hư hỏng (Điện Biên 82, Lào Cai 3)`,
  // `Hà Nội (109.078 thí sinh), TP.HCM (90.062)`, also in the next sentence: `Tiếp theo là TP.HCM (90.062)`),
  // or a change after one (`1 triệu thí sinh, tăng hơn 45.000`), is of its unit
  const sameSentence = previous !== null && previous.sentence[0] === sentence[0];
  const breakdown = placeEndsAt(env, cues.mentionStart, true);
  const nextSentence = previous !== null && !sameSentence && breakdown && /^\s*$/u.test(text.slice(previous.sentence[1], sentence[0]));
  const before = sameSentence || nextSentence ? previous!.metric : null;
  if (before && !rules.units.money.has(before.unit) && !NOT_INHERITED_UNITS.has(before.unit) && (cues.change !== null || breakdown)) {
    return { unit: before.unit, start: n.end, end: n.end, rule: 'unit-of-previous', money: false, counted: true };
  }
  const subject = subjectBefore(text, clauseStart, cues.mentionStart, rules);
  const counted = subject && (countedBySubject(env, subject) ?? nounCountedBefore(env, subject));
  return counted ? { unit: counted, start: n.end, end: n.end, rule: 'count-subject', money: false, counted: true } : null;
}

/**
 * The noun a bare figure's subject opens with, when a figure before it in the
 * article counted that noun (`1.071.393 thí sinh ..., trong đó thí sinh tự do
 * có 46.978`): the figure counts it too.
 */
function nounCountedBefore(env: Env, [s, e]: Span): string | null {
  if (env.countedNouns.size === 0) return null;
  const { text } = env.ctx.doc;
  const phrase = text.slice(s, e).replace(/^[\s,]*/u, '');
  const noun = env.words(e - withoutLeading(phrase, env.rules).length)?.word;
  return noun && /^\p{Ll}/u.test(noun.text) && noun.end <= e && env.countedNouns.has(noun.text.toLowerCase()) ? noun.text : null;
}

/**
 * Units a bare number never takes from the figure before it, besides money
 * (`5.000` after `20.000 tỷ đồng` is no 5.000 đồng): shares, multipliers, ranks.
 */
const NOT_INHERITED_UNITS: ReadonlySet<string> = new Set(['%', 'times', 'rank']);

/** Blanks, or blanks and an opening bracket, at the end of a text. */
const GAP_BEFORE = { blanks: /\s*$/u, bracket: /[\s(]*$/u } as const;

/** Whether a province or place the article names ends right before `at`, with blanks (and, if `bracket`, an opening bracket) between. */
function placeEndsAt(env: Env, at: number, bracket = false): boolean {
  const gap = GAP_BEFORE[bracket ? 'bracket' : 'blanks'].exec(env.ctx.doc.text.slice(Math.max(0, at - 8), at))![0].length;
  const end = at - gap;
  return env.territories[firstWhere(env.territories, ([, e]) => e >= end)]?.[1] === end;
}

/**
 * The kind: a target cue right before a change makes it a planned change
 * (`mục tiêu tăng trưởng 12%`); a percentage whose clause opens with a growth
 * word is a change (`Tăng trưởng kinh tế cả năm đạt 10,2%`).
 */
function readKind(env: Env, n: NumberReading, cues: Cues, unit: UnitReading, sentence: Span, clauseStart: number): Metric['kind'] {
  const { rules } = env;
  const { text } = env.ctx.doc;
  const immediate = text.slice(Math.max(sentence[0], cues.mentionStart - TARGET_CUE_REACH), cues.mentionStart);
  if (listsTargets(env, sentence)) return 'target';
  if (cues.change && !rules.targets.immediate.test(immediate)) return 'change';
  if (isTarget(text.slice(sentence[0], cues.mentionStart), immediate, rules)) return 'target';
  if (unit.unit.startsWith('%') && n.of === undefined && rules.growthSubject.test(withoutLeading(text.slice(clauseStart, cues.mentionStart), rules))) return 'change';
  return unit.unit === '%' || n.of !== undefined ? 'share' : 'level';
}

/**
 * Whether a sentence opens on the list of targets the sentence before it sets
 * (`UBND tỉnh đề ra 15 chỉ tiêu ... năm 2025. Trọng tâm là, GRDP tăng hơn
 * 10%; ...`), not targets it reports met (`hoàn thành 15/15 chỉ tiêu đề ra`).
 */
function listsTargets(env: Env, sentence: Span): boolean {
  const known = env.targetLists.get(sentence[0]);
  if (known !== undefined) return known;
  const { text } = env.ctx.doc;
  const { announced } = env.rules.targets;
  const before = sentenceBefore(env, sentence);
  const setting = before ? text.slice(before[0], before[1]) : '';
  const lists = announced.opener.test(text.slice(sentence[0], sentence[1])) && announced.verb.test(setting) && announced.noun.test(setting) && !announced.met.test(setting);
  env.targetLists.set(sentence[0], lists);
  return lists;
}

/** The text without the openers an indicator drops (`Trong đó, `, `Cụ thể, `). */
function withoutLeading(phrase: string, rules: MetricRules): string {
  const trimmed = phrase.trimStart();
  const lead = rules.indicator.leading.map((p) => p.exec(trimmed)?.[0].length ?? 0).find((n) => n > 0) ?? 0;
  return trimmed.slice(lead);
}

/** How far before a mention an immediate target cue (`kế hoạch là`) may begin, in characters. */
const TARGET_CUE_REACH = 40;

type IndicatorRead = Omit<IndicatorQuery, 'clause' | 'wide' | 'previous' | 'parent' | 'names'> & {
  kind: Metric['kind'];
  money: boolean;
  previous: Read | null;
  parent: Read | null;
  /** The unit is the previous figure's (`unit-of-previous`), which then names what it measures even from the sentence before. */
  inherited: boolean;
};

/** The one indicator query of a mention, and the indicator as reported (without place and period, with its kind's head). */
function readIndicator(env: Env, q: IndicatorRead): string | null {
  const { text } = env.ctx.doc;
  const { kind, money, previous, inherited, parent, ...rest } = q;
  const query: IndicatorQuery = {
    ...rest,
    clause: [clauseOf(env, q.sentence, q.start, previous), q.sentence[1]],
    wide: wideClauseOf(text, q.sentence, q.start, previous),
    previous: inherited ? { indicator: previous!.metric.indicator, unit: previous!.metric.unit } : sameSentence(previous, q.sentence),
    parent: parent ? { indicator: parent.metric.indicator, unit: parent.metric.unit, sentence: parent.sentence[0] } : null,
    names: env.names,
  };
  // the dates and province names inside it have fields of their own
  const cuts = [
    ...[...spansWithin(env.dates, identity, q.sentence), ...spansWithin(env.names, identity, q.sentence)].map(([s, e]) => text.slice(s, e)),
    ...env.rules.indicator.timePhrases,
  ];
  // a percentage of a baseline (`bằng 105% dự toán`) is no share of things
  const share = kind === 'share' && q.unit === '%' && !env.rules.comparison.baseline.test(text.slice(q.end, q.sentence[1]));
  const paragraphStart = spanAt(env.ctx.doc.lines, q.start)?.[0] ?? q.sentence[0];
  const award = { start: q.start, unit: q.unit, money, clauseStart: query.clause[0], sentence: q.sentence, paragraphStart };
  const found = awardIndicator(text, award, findIndicator(text, query, env.rules, env.words), env.events, env.rules);
  const duration = kind === 'level' && env.rules.indicator.durationUnits.has(q.unit);
  // a subject that was only a date or place (`(năm 2023 đạt 584 tỷ)`) measures what the figure before it of its unit does
  const indicator = finishIndicator(found, kind === 'rank' ? 'rank' : share ? 'share' : duration ? 'duration' : null, cuts, env.rules) ?? (found !== null && query.previous?.unit === q.unit ? query.previous.indicator : null);
  // a rate names the population it is per where the text writes it out (`... bình quân trên 100 dân`)
  const per = indicator && perPopulation(text, q.start, q.sentence[1], env.rules);
  return per && !indicator.includes(per) ? `${indicator} ${per}` : indicator;
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
  const indicator = readIndicator(env, { start: q.start, linked: true, noun: null, end, sentence: q.sentence, rank: true, change: false, unit: 'rank', money: false, kind: 'rank', previous: q.previous, parent: null, inherited: false });
  const moved = env.rules.ranks.movedFrom.exec(text.slice(q.sentence[0], q.start));
  return {
    metric: {
      value: q.value,
      unit: 'rank',
      indicator,
      kind: 'rank',
      qualifier: q.top ? 'at_most' : null,
      ...(of !== undefined ? { of } : {}),
      ...(moved ? { compared_to: moved.groups!['old']! } : {}),
      spans: [[q.start, end]],
      rule: q.top ? 'rank-top' : 'rank-ordinal',
      period: null,
      place: null,
      indicatorId: null, // a position among units, not a value of any measure
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

/**
 * The figure whose parts a figure's sentence gives, when it opens by breaking
 * one down (`... tăng 7,53%. Trong đó, nông-lâm nghiệp và thủy sản tăng
 * 3,16%; công nghiệp-xây dựng tăng 10,88%`): the last figure of the sentence
 * right before, for each figure of the sentence.
 */
function parentOf(env: Env, previous: Read | null, sentence: Span): Read | null {
  if (!previous) return null;
  if (previous.sentence[0] === sentence[0]) return previous.parent ?? null;
  if (!env.rules.indicator.breakdown.opener.test(env.ctx.doc.text.slice(sentence[0], sentence[1]))) return null;
  return sentenceBefore(env, sentence)?.[0] === previous.sentence[0] ? previous : null;
}

/** The sentence right before `sentence`, if any. */
function sentenceBefore(env: Env, sentence: Span): Span | undefined {
  const { sentences } = env.ctx.doc;
  return sentences[firstWhere(sentences, ([s]) => s >= sentence[0]) - 1];
}

function sameSentence(previous: Read | null, sentence: Span): { indicator: string | null; unit: string } | null {
  return previous && previous.sentence[0] === sentence[0] ? { indicator: previous.metric.indicator, unit: previous.metric.unit } : null;
}

/**
 * Just after the last clause mark (`;`, `:`, `(`, `,`, ` - `) before `start`
 * in its sentence, and never before the previous metric; a comma after half
 * of an elided word lists (`nông, lâm nghiệp`), it ends no clause.
 */
function clauseOf(env: Env, sentence: Span, start: number, previous: Read | null): number {
  return afterLastMark(env.ctx.doc.text, sentence, start, previous, env.rules.indicator.clauseMarks);
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

const identity = (span: Span) => span;

/** Spans sorted by where they start, for look-ups by binary search. */
function bySpanStart(spans: Span[]): Span[] {
  return spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}
