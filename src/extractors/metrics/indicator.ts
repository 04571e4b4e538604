/**
 * The indicator: the noun phrase that says what a number measures.
 *
 * - the subject before a linking verb (`Doanh thu ... đạt 838 tỷ đồng`,
 *   `Tổng số thuê bao điện thoại là ...`) or before a cue that links by
 *   itself (`... ước đạt`, `... tăng 18%`, `... đứng thứ 7`), without openers
 *   (`Hiện tại,`) or adverbs (`hiện`, `đã`), and from its head word when a
 *   longer clause holds one (`... với tỷ lệ xử lý đúng hạn đạt`);
 * - else the counted noun phrase and what follows it in the clause
 *   (`cho hơn 3.900 cán bộ, công chức, viên chức về chuyển đổi số`), or the
 *   noun phrase after a percentage (`100% cán bộ, công chức được trang bị ...`);
 * - a rank without a subject measures its `về ...` phrase (`thứ 16 về mức độ ...`);
 * - a change without a subject, or an amount in brackets, measures what the
 *   metric before it in the sentence measures; a plan (`kế hoạch là 80%`)
 *   is the plan of that indicator.
 * A subject that only names who reports (`Toàn tỉnh`, a province) or starts
 * with a verb (`đã tích hợp được 543 dịch vụ`) is no indicator.
 */
import type { Span } from '../../model/entity.js';
import { spanAt } from '../../tokenize/index.js';
import type { MetricRules } from './rules.js';
import { ACRONYM, type Words } from './units.js';

export interface IndicatorQuery {
  /** Start of the mention (cue, qualifier or number). */
  start: number;
  /** Whether the mention opens with a cue that links a subject by itself (`tăng`, `ước đạt`, `đứng thứ`). */
  linked: boolean;
  /** The counted noun, or the noun right after a percentage or an area (with what the area measures of it: `diện tích`). */
  noun: { start: number; end: number; percent: boolean; measure?: string } | null;
  /** End of the mention. */
  end: number;
  /** From the clause's start (never before the previous metric) to the sentence end. */
  clause: Span;
  /** Where a head word (`tổng số`, `tỷ lệ`) may still begin the subject: the last `;`, `:` or `(`, or the previous metric. */
  wide: number;
  sentence: Span;
  rank: boolean;
  change: boolean;
  unit: string;
  /** What the metric before this one in the same sentence measures, and its unit. */
  previous: { indicator: string | null; unit: string } | null;
  /** The figure the sentence breaks down (`Trong đó, ...`), and where its sentence starts: its parts share its head. */
  parent: { indicator: string | null; unit: string; sentence: number } | null;
  /** Spans of names that are reporters, not measures (provinces), sorted by where they start. */
  names: readonly Span[];
}

/** The unit of a multiplier (`gấp 3,16 lần`), as the contract names it. */
const TIMES = 'times';

/** Tags of words that do not begin a subject noun phrase: verbs, adverbs, prepositions, conjunctions. */
const NOT_SUBJECT_TAGS = new Set(['V', 'R', 'E', 'C']);

export function findIndicator(text: string, q: IndicatorQuery, rules: MetricRules, words: Words): string | null {
  // a change or multiplier of what its `về` phrase names, whatever stands before it (`tăng 41,97% về số lượng dự án và gấp 3,16 lần về tổng mức đầu tư`)
  const about = q.change || q.unit === TIMES ? rules.indicator.changeAbout.exec(text.slice(q.end, q.sentence[1])) : null;
  const aboutWhat = about && phraseFrom(text, q.end + about[0].length, q.sentence[1], rules, words);
  if (aboutWhat) return aboutWhat;
  const subject = q.linked ? ([q.clause[0], q.start] as Span) : subjectBefore(text, q.clause[0], q.start, rules);
  const owner = subject !== null && !q.linked && q.noun !== null && !q.noun.percent && rules.indicator.weakVerb.test(text.slice(subject[1], q.start));
  const previous = q.previous?.indicator ?? null;
  const said = subject && !owner ? subjectPhrase(text, subject, q, rules, words) : null;
  // the baseline the figure before was measured against is no subject of a change after it (`đạt 43,51% dự toán huyện giao và tăng 16,45%`)
  const own = said && q.change && previous && rules.comparison.baseline.test(said) ? null : said;
  if (own && previous && rules.indicator.inheritAfter.has(own.toLowerCase())) return `${own} ${previous}`;
  // an average of what the figure before measures, in its unit or per a span of time (`... 4.800 tỷ đồng, bình quân 1.200 tỷ đồng/năm`)
  const bare = own ?? (subject ? null : clean(text.slice(q.clause[0], q.start), rules));
  const perTime = q.previous && (q.unit === q.previous.unit || q.unit.startsWith(`${q.previous.unit}/`));
  if (bare && previous && perTime && rules.indicator.average.exec(bare)?.index === 0) return `${previous} ${bare}`;
  // a value in brackets right after a figure annotates it (`tăng trưởng 299% (đạt gần 500.000 chữ ký)`)
  if (previous && annotates(text, q, rules)) return countedIn(text, previous, q) ?? previous;
  // a rate of what the figure before counts (`2.113.013 thuê bao, ước đạt bình quân 108 thuê bao trên 100 dân`)
  const rate = previous && (!own || rules.indicator.head.exec(own)?.[0] === own) ? rateOf(previous, q.unit, rules) : null;
  if (rate) return rate;
  // `bằng 105% dự toán`: a percentage of a baseline measures what the sentence measures, not the baseline
  const ofBaseline = q.noun?.percent === true && rules.comparison.baseline.test(text.slice(q.noun.start));
  const noun = q.noun && !ofBaseline ? nounPhrase(text, q.noun, q.sentence[1], rules, words) : null;
  const following = noun && q.noun?.measure ? `${q.noun.measure} ${noun}` : noun;
  if (own && !(following && q.noun?.percent && !rules.indicator.head.test(own))) return sharedHead(text, own, q, rules, words) ?? sharedContext(own, previous, rules);
  if (q.rank) {
    // the head with its `về` and the whole phrase after it: `thứ 16 về các hoạt động ...` → `xếp hạng về các hoạt động ...`
    const about = rules.ranks.about.exec(text.slice(q.end, q.sentence[1]));
    const from = about ? q.end + about[0].length : q.end;
    const what = about && text.slice(from, phraseEnd(text, from, q.sentence[1], rules, words)).trim();
    return what ? `${rules.indicator.kindHeads.rank.head} ${about.groups!['form']!} ${what}` : previous;
  }
  if (q.change && previous) return previous;
  // a head word before the number names it better than the counted noun (`mật độ 29,98 thuê bao/100 dân`),
  // or with it when it ends there (`tổng số 635 xã` → `tổng số xã`)
  const lead = text.slice(q.clause[0], q.start);
  const before = subject ? text.slice(subject[0], subject[1]) : lead;
  const head = lastHead(before, rules.indicator.heads);
  const named = head >= 0 && !q.noun?.percent ? clean(before.slice(head), rules) : null;
  if (named && following) {
    // `tổng số toàn mạng có 7.271 trạm BTS` → `tổng số trạm BTS toàn mạng`
    const count = rules.indicator.countPrefix.exec(named);
    if (count) return clean(`${count[0]}${text.slice(q.noun!.start, q.noun!.end)} ${named.slice(count[0].length)}`, rules);
    if (rules.indicator.head.exec(named)?.[0] === named) return `${named} ${following}`;
  }
  if (named) {
    const owned = withOwner(text, Math.min(q.wide, q.clause[0]), (subject ? subject[0] : q.clause[0]) + head, named, rules);
    return owned === named ? sharedContext(named, previous, rules) : owned;
  }
  if (following) {
    // a labelled item: `(Sở Lao động, Thương binh và Xã hội: 11 đơn vị trực thuộc; ...)` belongs to its label
    const label = labelBefore(text, q.clause[0], q.sentence[0]);
    if (label && !q.noun?.percent) return `${following} ${label}`;
    // the places where the clause's topic was put to use (`phần mềm X được triển khai tại 100% các cơ quan ...`)
    const done = /^\s*$/u.test(text.slice(q.end, q.noun!.start)) ? doneAt(text.slice(q.clause[0], q.start), rules) : null;
    if (done) return `${following} ${done}`;
    // what the clause says of the counted things (`Sở đã tổ chức tập huấn 33 lớp` → `lớp (Sở đã tổ chức tập huấn)`)
    // (a phrase that already says what happens to them needs none: `cá nhân được UBND tỉnh tặng bằng khen`)

    // (the clause of which they are the object is said after a phrase of any length; as bare context, only after a short one)
    const context = clean(text.slice(q.wide, q.start), rules);
    if (!context || !isContext(context) || isActor(text, context, q.wide, q.names, rules) || !wholeClause(text, context, q, rules)) return following;
    return objectClause(text, following, context, q, rules, words) ?? (following.split(' ').length <= SHORT_PHRASE_WORDS ? `${following} (${context})` : following);
  }
  // `(đạt 67,2%)`, `, đạt tỷ lệ 76%`: a verb alone says this measures the same as the metric before
  if (previous && subject && !clean(text.slice(subject[0], subject[1]), rules)) return previous;
  // a bare item right before its figure (`Sản lượng lúa đạt ..., ngô 300.000 tấn`)
  const item = subject ? null : clean(lead, rules);
  const shared = item && sharedHead(text, item, q, rules, words);
  if (shared) return shared;
  // an amount in brackets after another of its kind (`838 tỷ đồng (... đạt 584 tỷ)`)
  if (previous && q.previous?.unit === q.unit) return previous;
  // a duration or measure with no subject names what follows it (`sau 2 năm thực hiện nghị quyết ...`)
  const after = q.unit === 'VND' || !/^\s+\p{L}/u.test(text.slice(q.end)) ? null : phraseFrom(text, q.end, q.sentence[1], rules, words);
  if (after && after.split(' ').length >= 2 && !rules.indicator.verb.test(`${after.split(' ')[0]} `)) {
    // `phần mềm X đã triển khai 100% tại các cơ quan ...` → `cơ quan ... đã triển khai phần mềm X`
    const done = rules.indicator.placeWord.test(text.slice(q.end)) ? doneAt(`${text.slice(q.clause[0], q.start)} tại`, rules) : null;
    return done ? `${after} ${done}` : after;
  }
  // what is left of the clause before the number
  const phrase = clean(lead, rules);
  return phrase && phrase.split(' ').length <= 12 ? phrase : null;
}

/**
 * The indicator as reported: without the place and period that have their own
 * fields (`cuts`: the dates and province names written inside it,
 * `Cổng dịch vụ công Hải Dương`; and `trên địa bàn tỉnh`, `của tỉnh Hải
 * Dương`), and with the head its kind implies when it has none (a rank's
 * `xếp hạng`, a share's `tỷ lệ`).
 */
export function finishIndicator(phrase: string | null, implied: 'rank' | 'share' | 'duration' | null, cuts: readonly string[], rules: MetricRules): string | null {
  if (phrase === null) return null;
  let out = phrase;
  // whole words, the longest first (`quý I` must not cut the `quý I` out of `quý II`, leaving `I`)
  for (const cut of [...cuts].sort((a, b) => b.length - a.length)) out = cutWords(out, cut);
  for (const cut of rules.indicator.placeCuts) out = out.replace(cut, ' ');
  const cleaned = clean(tidyContext(out), rules);
  if (cleaned === null) return null;
  const kindHead = implied && rules.indicator.kindHeads[implied];
  // a length of time is no measure of what a measure's head names (`kim ngạch xuất khẩu ... 9 tháng đạt`)
  const measured = implied === 'duration' && rules.indicator.head.exec(cleaned)?.index === 0;
  return kindHead && !measured && !kindHead.unless.test(cleaned) ? headed(kindHead.head, cleaned) : cleaned;
}

/** `phrase` with each whole-word occurrence of `cut` replaced by a space (a letter or digit next to it makes it part of a longer word). */
function cutWords(phrase: string, cut: string): string {
  let out = '';
  let from = 0;
  for (let at = phrase.indexOf(cut); at >= 0; at = phrase.indexOf(cut, at + 1)) {
    const end = at + cut.length;
    if (at < from || WORD_CHAR.test(phrase[at - 1] ?? '') || WORD_CHAR.test(phrase[end] ?? '')) continue;
    out += `${phrase.slice(from, at)} `;
    from = end;
  }
  return out + phrase.slice(from);
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/**
 * The population a figure is per, as its clause writes it after the figure,
 * with an average word written right before the figure (`bình quân 108 thuê
 * bao trên 100 dân` → `bình quân trên 100 dân`); null when none is written.
 */
export function perPopulation(text: string, start: number, end: number, rules: MetricRules): string | null {
  const per = rules.indicator.perPopulation.exec(text.slice(start, end))?.groups!['per'];
  if (!per) return null;
  const average = rules.indicator.average.exec(text.slice(Math.max(0, start - 20), start).trimEnd());
  return `${average ? `${average.groups!['form']} ` : ''}${per.replace(/\s+/gu, ' ')}`;
}

/** A figure as the list rule reads it: its indicator, unit and where it is written. */
interface Listed {
  indicator: string | null;
  unit: string;
  kind: string;
  spans: readonly Span[];
}

/**
 * Counts in a list share the predicate the next one states (`22 tập thể, 55
 * cá nhân được nhận giấy khen` → `tập thể được nhận giấy khen`): a count
 * whose indicator is its bare noun, followed by nothing but a comma or join
 * and a count whose indicator goes on past its noun, takes what follows that
 * noun; null for any other pair.
 */
export function listPredicate(text: string, count: Listed, next: Listed, rules: MetricRules): string | null {
  const bare = (m: Listed) => m.kind === 'level' && m.indicator !== null && m.indicator.toLowerCase().startsWith(m.unit.toLowerCase()) && /^\p{L}/u.test(m.unit);
  if (!bare(count) || !bare(next) || count.indicator!.length !== count.unit.length) return null;
  if (!rules.indicator.listGap.test(text.slice(count.spans[0]![1], next.spans[0]![0]))) return null;
  const predicate = next.indicator!.slice(next.unit.length);
  return /^ [^(]/u.test(predicate) ? count.indicator + predicate : null;
}

/**
 * The clause before a counted object, said after the object's phrase (the
 * rule file's `object_clause`): with no subject it was done to the object
 * (`hỗ trợ chuyển đổi 202.000 thuê bao 2G sang 4G` → `thuê bao 2G được hỗ
 * trợ chuyển đổi sang 4G`), with one its subject did it (`Sở TT&TT đã ban
 * hành 1.700 văn bản` → `văn bản do Sở TT&TT ban hành`), or did it for the
 * beneficiary (`Sở triển khai tập huấn cho 3.500 cán bộ` → `cán bộ được Sở
 * triển khai tập huấn`). Null when the count is not the clause's object or
 * beneficiary, when a beneficiary has a verb of its own (`tổ chức lớp đào
 * tạo cho 64.000 lượt cán bộ tham gia`), or when the clause is passive itself.
 */
function objectClause(text: string, following: string, clauses: string, q: IndicatorQuery, rules: MetricRules, words: Words): string | null {
  const { objectClause: clause } = rules.indicator;
  const noun = q.noun!;
  // the last of several clauses (`Thu hút đầu tư có nhiều khởi sắc, đã cấp giấy chứng nhận cho 35 dự án`): a comma before an aspect word opens one
  const whole = text.indexOf(clauses, q.wide);
  const inWhole = whole < 0 ? [] : taggedBetween(words, whole, whole + clauses.length);
  const opener = inWhole.findLastIndex((w, i) => i > 0 && inWhole[i - 1]!.text === ',' && clause.aspect.test(w.text));
  const at = opener < 0 ? whole : inWhole[opener]!.start;
  const context = text.slice(at, whole + clauses.length);
  const gap = at < 0 || noun.percent ? null : clause.gap.exec(text.slice(at + context.length, q.start));
  if (!gap || clause.passiveWord.test(context)) return null;
  const beneficiary = gap.groups!['beneficiary'] !== undefined;
  const tagged = taggedBetween(words, at, at + context.length);
  const own = tagged.filter((w) => !clause.aspect.test(w.text));
  if (own.length === 0) return null;
  // the subject runs to the first aspect word or verb; a clause that opens with its verb has none
  const firstVerb = tagged.findIndex((w, i) => i > 0 && (w.tag === 'V' || clause.aspect.test(w.text)));
  const opensWithVerb = own[0]!.tag === 'V';
  if (!opensWithVerb && (firstVerb < 0 || !SUBJECT_TAGS.test(tagged[0]!.tag))) return null;
  const subject = opensWithVerb ? '' : text.slice(at, tagged[firstVerb]!.start).trim();
  // with no subject, what was done is the verbs after the clause's last preposition (`phối hợp với các sở ... tổ chức tập huấn`)
  const lastPreposition = tagged.findLastIndex((w) => w.tag === 'E');
  const lastVerbs = subject ? -1 : tagged.findIndex((w, i) => i > lastPreposition && lastPreposition >= 0 && w.tag === 'V');
  const from = subject ? tagged[firstVerb]!.start : lastVerbs > 0 ? tagged[lastVerbs]!.start : at;
  const done = own.filter((w) => w.start >= from);
  // `tổ chức tập huấn` → `tập huấn` once passive: the light verb says nothing before another verb
  if (!subject && done.length > 1 && clause.lightVerb.test(done[0]!.text) && done[1]!.tag === 'V') done.shift();
  const predicate = done
    .map((w) => w.text)
    .join(' ')
    .replace(/ ([,;])/gu, '$1');
  if (!predicate) return null;
  // the province or the reporting unit (`tỉnh đã hỗ trợ`) is no agent worth naming: the thing was done
  const reporter = subject !== '' && isActor(text, subject, at, q.names, rules) && (/^\p{Ll}/u.test(subject) || spanAt(q.names, at) !== undefined);
  const said = subject && !reporter ? `${beneficiary ? clause.passive : clause.agent} ${subject} ${predicate}` : `${clause.passive} ${predicate}`;
  // a beneficiary counted with a verb of its own (`64.000 lượt cán bộ tham gia`; not a list's item, `cán bộ, viên chức`) is not what the clause did
  const counted = taggedBetween(words, noun.start, noun.end);
  if (beneficiary && counted.some((w, i) => i > 0 && w.tag === 'V' && counted[i - 1]!.text !== ',')) return null;
  // a verb right after the counted noun (`202.000 thuê bao 2G sang 4G`): the clause goes before it
  const next = words(noun.end + countSpaces(text, noun.end));
  const verb = next && next.word.tag === 'V' && next.word.start < noun.start + following.length ? next.word : undefined;
  const before = verb ? text.slice(noun.start, verb.start).replace(/\s+/gu, ' ').trim() : '';
  if (verb && beneficiary) return null;
  return verb && following.startsWith(before) ? `${before} ${said}${following.slice(before.length)}` : `${following} ${said}`;
}

/** Whether `context` is a whole clause (nothing but openers after a clause mark or the sentence start), not the rest of the figure before it (`202.000 thuê bao 2G sang 4G và phát triển trên 3.000 tên miền`). */
function wholeClause(text: string, context: string, q: IndicatorQuery, rules: MetricRules): boolean {
  const lead = text.slice(q.sentence[0], Math.max(text.indexOf(context, q.wide), q.sentence[0]));
  const mark = Math.max(...[...';:(,.'].map((c) => lead.lastIndexOf(c)));
  // what `clean` leaves of the lead before a word of its own is that word alone: the lead holds only openers (`Các `, `Theo đó, `)
  return clean(`${lead.slice(mark + 1)} ${context.split(' ').at(-1)}`, rules) === context.split(' ').at(-1);
}

/** Tags a subject may begin with: nouns, pronouns, determiners (`các doanh nghiệp`). */
const SUBJECT_TAGS = /^(?:N|P|L)/u;

/** The tagged words that begin in `[start, end)`. */
function taggedBetween(words: Words, start: number, end: number): Array<{ text: string; tag: string; start: number }> {
  const first = words(start);
  if (!first) return [];
  const out: Array<{ text: string; tag: string; start: number }> = [];
  for (let i = first.index; i < first.line.length && first.line[i]!.start < end; i++) out.push(first.line[i]!);
  return out;
}

/** After cuts: no space before a mark, no mark at a bracket's edge, no bracket of fewer words than a context but an abbreviation. */
function tidyContext(phrase: string): string {
  return phrase
    .replace(/\s+/gu, ' ')
    .replace(/ ([,;)])/gu, '$1')
    .replace(/\(\s*[,;]?\s*/gu, '(')
    .replace(/\s*[,;]+\)/gu, ')')
    .replace(/ ?\(([^()]*)\)/gu, (whole, inner: string) => (isContext(inner.trim()) || ACRONYM.test(inner.trim()) ? whole : ''));
}

/** `head` before `phrase`, whose capital is only the sentence's (`Thuê bao Internet` → `mật độ thuê bao Internet`; `GRDP` stays). */
function headed(head: string, phrase: string): string {
  return `${head} ${/^\p{Lu}\p{Ll}/u.test(phrase) ? phrase[0]!.toLowerCase() + phrase.slice(1) : phrase}`;
}

/** A counted noun phrase this short takes the clause before it as context (`mở rộng phủ khắp 100% dân số`). */
const SHORT_PHRASE_WORDS = 8;

/** Whether the mention opens a bracket right after another figure, with nothing but a linking verb before it (`(đạt 584 tỷ)`). */
function annotates(text: string, q: IndicatorQuery, rules: MetricRules): boolean {
  if (text[q.clause[0] - 1] !== '(') return false;
  const lead = text.slice(q.clause[0], q.start).trim();
  return lead === '' || rules.indicator.verb.exec(lead)?.index === 0;
}

/**
 * A count in brackets after a figure of another unit counts the things the
 * figure's indicator names, from where it names them (`Chỉ tiêu về chữ ký số
 * cá nhân tăng trưởng 299% (đạt gần 500.000 chữ ký)` → `chữ ký số cá nhân`);
 * null when it names them nowhere inside.
 */
function countedIn(text: string, previous: string, q: IndicatorQuery): string | null {
  if (!q.noun || q.noun.percent || q.previous?.unit === q.unit) return null;
  const at = previous.toLowerCase().indexOf(text.slice(q.noun.start, q.noun.end).toLowerCase());
  return at > 0 ? previous.slice(at) : null;
}

/** `mật độ thuê bao điện thoại` for a rate (`thuê bao/100 dân`) of what `previous` counts (`Tổng số thuê bao điện thoại`). */
function rateOf(previous: string, unit: string, rules: MetricRules): string | null {
  const slash = unit.indexOf('/');
  if (slash < 0) return null;
  const counted = unit.slice(0, slash).toLowerCase();
  const measure = previous.replace(rules.indicator.countPrefix, '');
  if (!measure.toLowerCase().startsWith(counted)) return null;
  const { head, unless } = rules.indicator.kindHeads.rate;
  return unless.test(measure) ? measure : headed(head, measure);
}

/** The capitalised name before a `:` that opens the clause at `clauseStart`, back to `(`, `;` or the sentence start. */
function labelBefore(text: string, clauseStart: number, sentenceStart: number): string | null {
  if (text.slice(sentenceStart, clauseStart).trimEnd().at(-1) !== ':') return null;
  const before = text.slice(sentenceStart, clauseStart).trimEnd().slice(0, -1);
  const label = before.slice(Math.max(before.lastIndexOf('('), before.lastIndexOf(';')) + 1).trim();
  return /^\p{Lu}/u.test(label) && label.split(/\s+/u).length <= 10 ? label : null;
}

/**
 * What the last measure written in `[from, to)` names: its head word or
 * measure noun and the words after it, up to an adverb, preposition,
 * conjunction or number (`Thống kê lượng mưa tại nhiều nơi ghi nhận ...` → `lượng
 * mưa`, `Mực nước trên các sông ...` → `Mực nước`); null when none is written.
 */
export function measureWritten(text: string, from: number, to: number, rules: MetricRules, words: Words): string | null {
  const head = lastMatch(text.slice(from, to), rules.indicator.measures);
  if (!head) return null;
  const start = from + head.index;
  const end = phraseEnd(text, start, to, rules, words);
  const after = start + head[0].length;
  const stop = taggedBetween(words, after + countSpaces(text, after), end).find((w) => MEASURE_ENDS.has(w.tag));
  return clean(text.slice(start, stop?.start ?? end), rules);
}

/** Tags that end a measure's noun phrase: adverbs, prepositions, conjunctions, numbers, punctuation (a verb may qualify it: `giá trị xuất khẩu`). */
const MEASURE_ENDS = new Set(['R', 'E', 'C', 'M', 'CH']);

/** Offset of the last head word (`tổng số`, `tỷ lệ`) in `part`, or -1. */
function lastHead(part: string, heads: RegExp): number {
  return lastMatch(part, heads)?.index ?? -1;
}

/** The last match of a global pattern in `part`. */
function lastMatch(part: string, pattern: RegExp): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  for (const m of part.matchAll(pattern)) last = m;
  return last;
}

/** The subject before a linking verb that ends the clause's text before the mention. */
export function subjectBefore(text: string, clauseStart: number, start: number, rules: MetricRules): Span | null {
  let lead = text.slice(clauseStart, start);
  // a qualifier away from the number, and fillers (`ước đạt bình quân`); `ước đạt` itself links
  const q = rules.qualifier.exec(lead);
  if (q) {
    if (rules.indicator.verb.test(q.groups!['q']!)) return [clauseStart, clauseStart + q.index];
    lead = lead.slice(0, q.index);
  }
  const f = rules.fillers.exec(lead);
  if (f && rules.indicator.verb.exec(lead)?.index !== f.index) lead = lead.slice(0, f.index);
  const verb = rules.indicator.verb.exec(lead);
  return verb ? [clauseStart, clauseStart + verb.index] : null;
}

/**
 * The subject as an indicator, from its last head word if the clause holds
 * one (looking back past commas to \`wide\`); null for reporters and for
 * phrases that begin with a verb or preposition.
 */
function subjectPhrase(text: string, [s, e]: Span, q: IndicatorQuery, rules: MetricRules, words: Words): string | null {
  const from = Math.min(s, q.wide);
  const head = lastHead(text.slice(from, e), q.rank ? rules.indicator.rankHeads : rules.indicator.heads);
  // a count that opens the wider clause holds its list: `số xã, phường hoàn thành ... là 156`
  const counted = head < 0 && from < s && rules.indicator.countPrefix.test(text.slice(from, e).trimStart());
  const start = head >= 0 ? from + head : counted ? from : s;
  const raw = words(start + countSpaces(text.slice(start, e), 0));
  const measure = rules.indicator.measureNoun.test(text.slice(start, e).trimStart());
  if (head < 0 && !measure && raw && NOT_SUBJECT_TAGS.has(raw.word.tag)) return null;
  const phrase = clean(text.slice(start, e), rules);
  if (!phrase || isActor(text, phrase, start, q.names, rules)) return null;
  if (head < 0 && !rules.indicator.measureNoun.test(phrase)) {
    const first = words(text.indexOf(phrase, start));
    if (first && NOT_SUBJECT_TAGS.has(first.word.tag)) return null;
  }
  return head >= 0 ? withOwner(text, from, start, phrase, rules) : phrase;
}

/**
 * The longest item, in syllables, that takes the head of the figure before it
 * (`linh kiện điện tử`); a breakdown's items may be longer (`khu vực nông,
 * lâm nghiệp và thủy sản`), as its opener says they are parts.
 */
const LIST_ITEM_SYLLABLES = { list: 4, breakdown: 10 };

/**
 * A bare item after a figure in the same sentence shares its head and verb
 * (`Kim ngạch xuất khẩu gạo đạt ..., cà phê đạt ...` → `Kim ngạch xuất khẩu
 * cà phê`): the previous indicator's head word and the verbs after it, found
 * where that indicator is written; null when `own` is no such item.
 */
function sharedHead(text: string, own: string, q: IndicatorQuery, rules: MetricRules, words: Words): string | null {
  // an item shares the head of the item before it, or a part that of the whole, of its unit
  // (not the share after a part's amount, nor a rate's head for a count: `tỷ lệ hộ nghèo giảm còn 3,2%, số hộ cận nghèo ...`)
  const breakdown = q.parent !== null;
  const source = [q.previous, q.parent].find((f) => f?.unit === q.unit);
  const previous = source?.indicator;
  const head = previous ? rules.indicator.head.exec(previous) : null;
  const scope = q.parent?.sentence ?? q.sentence[0];
  const longest = LIST_ITEM_SYLLABLES[breakdown ? 'breakdown' : 'list'];
  if (!previous || !head || head.index !== 0 || rules.indicator.head.test(own) || own.split(' ').length > longest) return null;
  // an item names things (`cà phê`, `linh kiện điện tử`), not an activity (`giải ngân`, `thời gian thi công`)
  const itemAt = text.indexOf(own, q.clause[0]);
  const first = itemAt >= 0 ? words(itemAt) : null;
  if (!first || !/^\p{Ll}/u.test(own)) return null;
  let last = first.index;
  while (first.line[last + 1] && first.line[last + 1]!.start < itemAt + own.length) last++;
  // (a breakdown's part may end in one, its first word naming the sector: `công nghiệp-xây dựng`)
  if (breakdown ? first.word.tag.startsWith('V') : first.line[last]!.tag === 'V') return null;
  // where the previous indicator is written, or its head and verbs when it was itself shared (`... cà phê`)
  let stem = previous;
  let at = text.lastIndexOf(stem, q.clause[0]);
  while (at < scope && stem.length > head[0].length) {
    stem = stem.slice(0, Math.max(head[0].length, stem.lastIndexOf(' ')));
    at = text.lastIndexOf(stem, q.clause[0]);
  }
  const after = at >= scope ? words(at + head[0].length + countSpaces(text, at + head[0].length)) : null;
  if (!after) return null;
  // the head, then the verbs that say what of the items it measures (`xuất khẩu`)
  let end = at + head[0].length;
  for (let i = after.index; i < after.line.length && after.line[i]!.tag === 'V' && after.line[i]!.end <= at + stem.length; i++) end = after.line[i]!.end;
  // (a list's item needs a head that says less than the figure before it; a breakdown's parts share it whole)
  if (!breakdown && end - at >= previous.length) return null;
  // a part of a total is no total (`tổng giá trị sản xuất` → `giá trị sản xuất nông-lâm nghiệp và thủy sản`)
  const shared = text.slice(at, end);
  const total = breakdown ? rules.indicator.breakdown.drop.exec(shared) : null;
  return `${total ? shared.slice(total[0].length).trimStart() : shared} ${own}`;
}

/**
 * What a topic underwent at the places a figure counts: a clause `<topic>
 * <voice> <verbs> tại` before the figure (`phần mềm QLVB được triển khai và
 * đưa vào sử dụng tại`) gives `<voice> <verbs> <topic>`; null for any other
 * clause.
 */
function doneAt(lead: string, rules: MetricRules): string | null {
  const m = rules.indicator.doneAt.exec(lead);
  const topic = m && clean(m.groups!['topic']!, rules);
  const verbs = m && clean(m.groups!['verbs']!, rules);
  return topic && verbs && topic.split(' ').length <= TOPIC_WORDS ? `${m.groups!['voice']} ${verbs} ${topic}` : null;
}

/** The longest topic, in words, said to be put to use at the places counted. */
const TOPIC_WORDS = 16;

/** A bare measure in a list shares the context of the one before it (`tần suất phát ... (X), thời lượng 7-10 phút`). */
function sharedContext(phrase: string, previous: string | null, rules: MetricRules): string {
  const context = rules.indicator.head.exec(phrase)?.[0] === phrase ? / \([^()]+\)$/u.exec(previous ?? '') : null;
  return context ? `${phrase}${context[0]}` : phrase;
}

/** The owner of a measure that begins at `headStart` (`hệ thống ... đều có chuyên mục riêng về CĐS với tần suất phát`), as its context. */
function withOwner(text: string, from: number, headStart: number, phrase: string, rules: MetricRules): string {
  const owner = rules.indicator.ownerLink.exec(text.slice(from, headStart));
  const context = owner ? clean(text.slice(from, from + owner.index), rules) : null;
  return context && isContext(context) ? `${phrase} (${context})` : phrase;
}

/** Context of this many words is kept with an indicator (`lớp (Sở TT&TT đã tổ chức tập huấn)`); longer clauses are not one phrase. */
const CONTEXT_WORDS = { min: 2, max: 16 };

function isContext(phrase: string): boolean {
  const size = phrase.split(' ').length;
  return size >= CONTEXT_WORDS.min && size <= CONTEXT_WORDS.max;
}

/** The counted noun (with its list) and the rest of its phrase, up to the next clause mark. */
function nounPhrase(text: string, noun: NonNullable<IndicatorQuery['noun']>, limit: number, rules: MetricRules, words: Words): string | null {
  return clean(text.slice(noun.start, phraseEnd(text, noun.end, limit, rules, words)), rules);
}

/**
 * The words from `from` to the first clause mark, number or comparison, at
 * most `max_words` long. A comma goes on when a noun follows it (`cán bộ,
 * công chức được trang bị ...`); `và` stops before a verb (`và đồng bộ lên ...`).
 */
function phraseFrom(text: string, from: number, end: number, rules: MetricRules, words: Words): string | null {
  return clean(text.slice(from, phraseEnd(text, from, end, rules, words)), rules);
}

function phraseEnd(text: string, from: number, end: number, rules: MetricRules, words: Words): number {
  const part = text.slice(from, end);
  rules.comparison.marker.lastIndex = 0;
  const marker = rules.comparison.marker.exec(part);
  let cut = marker ? marker.index : part.length;
  for (const m of part.matchAll(rules.indicator.phraseStop)) {
    if (m.index >= cut) break;
    const after = m.index + m[0].length;
    const at = words(from + after + countSpaces(part, after));
    const next = at?.word;
    // a list goes on past a comma, a noun (or adjective) on each side; anything else before it ends a clause (`sau 6 tháng triển khai, mô hình ...`)
    const beforeComma = at && at.index >= 2 ? at.line[at.index - 2] : undefined;
    const listed = !beforeComma || /^[NA]/u.test(beforeComma.tag);
    // (but a measure's head word after it opens the next figure's subject: `120 lượt dự án, tổng vốn đầu tư ... là`)
    const measure = rules.indicator.head.exec(part.slice(after).trimStart())?.index === 0;
    if (m[0] === ',' && listed && !measure && next && next.tag.startsWith('N') && /^\p{L}/u.test(next.text) && !rules.counted.stopWords.has(next.text.toLowerCase())) continue;
    // and past a comma to the next numbered level (`mức độ 3, mức độ 4`)
    if (m[0] === ',' && rules.indicator.numbered.test(part.slice(after))) continue;
    // and past a comma between codes (`thiết bị 3G, 4G`)
    if (m[0] === ',' && beforeComma && next && ACRONYM.test(beforeComma.text) && ACRONYM.test(next.text)) continue;
    if (m.groups?.['join'] && !(next && next.tag === 'V') && !/^(?:\S+\s+){0,2}\d/u.test(part.slice(after))) continue;
    // and past a join inside a name (`Sở Thông tin và Truyền thông`)
    if (m.groups?.['join'] && beforeComma && next && /^\p{Lu}/u.test(beforeComma.text) && /^\p{Lu}/u.test(next.text)) continue;
    cut = m.index;
    break;
  }
  // a qualifier of the number that cuts the phrase is not part of it (`6 lớp tập huấn cho hơn 2.100 ...`)
  if (/^\s*\d/u.test(part.slice(cut))) {
    const qualifier = rules.qualifier.exec(part.slice(0, cut));
    if (qualifier) cut = qualifier.index;
  }
  return from + cut;
}

function countSpaces(part: string, at: number): number {
  return /^\s*/u.exec(part.slice(at))![0].length;
}

function isActor(text: string, phrase: string, from: number, names: readonly Span[], rules: MetricRules): boolean {
  const words = phrase.split(' ');
  let i = 0;
  while (i < words.length && rules.indicator.actors.has(words[i]!.toLowerCase())) i++;
  if (i === words.length || rules.indicator.actors.has(phrase.toLowerCase())) return true;
  // a name after the unit words: `tỉnh Hải Dương`, `Viễn thông Thanh Hóa` (but an acronym alone is a measure: `GRDP`, `CPI`)
  const rest = words.slice(i);
  if (rest.every((w) => /^\p{Lu}/u.test(w)) && !(i === 0 && rest.every((w) => ACRONYM.test(w)))) return true;
  const at = text.indexOf(phrase, from);
  const name = spanAt(names, at);
  return name !== undefined && name[1] >= at + phrase.length;
}

/** Without the trailing words at its end, but for the last syllable of a word that stays whole (`thực hiện`). */
function withoutTrailing(phrase: string, rules: MetricRules): string {
  const cut = rules.indicator.trailing.exec(phrase);
  if (!cut) return phrase;
  let at = cut.index;
  let last = /\S+$/u.exec(phrase.slice(0, at))?.[0].toLowerCase() ?? '';
  for (const m of phrase.slice(at).matchAll(/\s+(\S+)/gu)) {
    if (!rules.indicator.trailingCompounds.has(`${last} ${m[1]!.toLowerCase()}`)) break;
    at += m[0].length;
    last = m[1]!.toLowerCase();
  }
  return phrase.slice(0, at);
}

/** Without openers, trailing adverbs, edge punctuation and extra spaces; cut to `max_words`. */
function clean(phrase: string, rules: MetricRules): string | null {
  let out = phrase.replace(/\s+/gu, ' ').trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const lead of rules.indicator.leading) {
      const m = lead.exec(out);
      if (m && m[0].length > 0) {
        out = out.slice(m[0].length).trim();
        changed = true;
      }
    }
  }
  out = withoutTrailing(out, rules).replace(/^[\s,.;:–)-]+|[\s,.;:–(-]+$/gu, '');
  if ((out.match(/\(/gu)?.length ?? 0) < (out.match(/\)/gu)?.length ?? 0)) out = out.replace(/^[^)]*\)\s*/u, '');
  const words = out.split(' ');
  if (words.length > rules.indicator.maxWords) out = words.slice(0, rules.indicator.maxWords).join(' ');
  return out === '' ? null : out;
}
