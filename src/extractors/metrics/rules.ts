/**
 * Metric rules (`rules/metrics.yaml`): multipliers and number words, units and
 * rates, qualifiers, the cues of changes, ranks and targets, the words around
 * an indicator, and the patterns of numbers that are not quantities. Word
 * lists compile once into regular expressions with Unicode word edges.
 */
import { z } from 'zod';
import { toTextForm } from '../../normalize/forms.js';
import { compilePattern, patternSource, WORD_END, WORD_START } from '../../rules/pattern.js';
import { phraseSource } from '../../rules/phrases.js';
import { defineRules, ruleId, schemaHeader } from '../../rules/spec.js';
import { NUMBER_SOURCE } from './numbers.js';

const words = z.array(z.string().min(1)).min(1);
const kindHead = z.strictObject({ head: z.string().min(1), unless: words.describe('Heads that make this one unneeded') });
export const qualifierValue = z.enum(['more_than', 'less_than', 'nearly', 'about', 'estimated', 'at_least', 'at_most']);

export const metricRules = defineRules({
  file: 'metrics.yaml',
  schema: z.strictObject({
    $schema: schemaHeader,
    numbers: z.strictObject({
      multipliers: z.array(z.strictObject({ id: ruleId, name: z.string(), forms: words, factor: z.number().positive() })),
      words: z.array(
        z.strictObject({
          id: ruleId,
          name: z.string(),
          forms: words,
          value: z.number(),
          unit: z.string().min(1).optional(),
          before_tens: z.boolean().optional().describe('A number only before a word of tens (`năm mươi`)'),
        }),
      ),
      tens: words.describe('Words that make the digit word before them its tens (`năm mươi` = 50)'),
      ones_after_tens: z.array(z.strictObject({ id: ruleId, name: z.string(), forms: words, value: z.number().int().min(1).max(9) })),
      halves: words.describe('A half of the unit or multiplier before it (`ba đô rưỡi`)'),
      word_blockers: words.describe('Words right before a number word that make it something else'),
      range_words: words.describe('Words between the two numbers of a range, besides a dash (`từ 30 đến 40 dự án`)'),
    }),
    units: z.array(
      z.strictObject({
        id: ruleId,
        name: z.string(),
        forms: words,
        unit: z.string().min(1),
        money: z.boolean().optional(),
        subunit: z
          .strictObject({ forms: words, per: z.number().int().positive() })
          .optional()
          .describe('Cents added to the whole amount (`3 đô 50 xu`): `per` of them make one unit'),
        needs_change: z.boolean().optional().describe('Only a unit after a change verb (`tăng 1,86 lần`)'),
        measure: z.string().min(1).optional().describe('What the unit measures of the noun after it (`13.327 ha lúa` → `diện tích lúa`)'),
        after_names: z.boolean().optional().describe('false: not a figure right after a capitalised name (`Chỉ thị 15 ngày`, `Nguyễn Văn A 45 tuổi`)'),
      }),
    ),
    rates: z.strictObject({ per: words, connector_words: words, each_words: words.describe('`mỗi`: `40 dự án mỗi năm` is `dự án/năm`') }),
    counted_nouns: z.strictObject({ classifiers: words, stop_words: words, max_words: z.number().int().positive() }),
    qualifiers: z.array(
      z.strictObject({
        id: ruleId,
        name: z.string(),
        forms: words,
        after: words.optional().describe('Forms after the number and its unit instead (`từ 12% trở lên`)'),
        value: qualifierValue,
      }),
    ),
    qualifier_fillers: words,
    changes: z.array(z.strictObject({ id: ruleId, name: z.string(), forms: words, direction: z.enum(['up', 'down']) })),
    change_links: z.strictObject({
      adverbs: words.describe('Between a change verb and its number: `tăng mạnh 12,2%`'),
      baseline_verbs: words.describe('After a baseline said before the number: `tăng so với năm 2023 là 0,12%`'),
      growth_subjects: words.describe('A percentage whose subject opens with these is a change: `Tăng trưởng kinh tế đạt 10,2%`'),
    }),
    comparison: z.strictObject({ markers: words, baselines: words, ends: words }),
    ranks: z.strictObject({
      cues: words,
      top: words,
      movement: z.strictObject({ from: words, to: words }).describe('`từ vị trí 20 lên vị trí 15`: the old position is the baseline'),
      scopes: words,
      of_words: words,
      about_words: words,
      not_after: words,
    }),
    targets: z.strictObject({
      sentence_cues: words,
      immediate_cues: words,
      announced: z
        .strictObject({ verbs: words, nouns: words, met: words, openers: words })
        .describe('A sentence setting targets (`đề ra 15 chỉ tiêu`), not reporting them met, whose next sentence opens on their list'),
    }),
    indicator: z.strictObject({
      verbs: words,
      weak_verbs: words,
      leading: z.array(patternSource).min(1),
      trailing: words,
      trailing_compounds: words.describe('Words whose last syllable is a trailing word but which stay whole: `thực hiện`'),
      time_phrases: words.describe('Spans of time that are no date, cut from indicators like dates: `từ đầu năm đến nay`'),
      heads: words,
      measure_nouns: words.describe('Measures the tagger may take for verbs (`lượng mưa`): a subject may begin with them'),
      phrase_stops: words,
      phrase_joins: words,
      object_clause: z
        .strictObject({
          passive: z.string().min(1),
          agent: z.string().min(1),
          beneficiary: words,
          resultative: words,
          aspect: words,
          light_verbs: words,
        })
        .describe('How the clause before a counted object is said after it (`hỗ trợ 44 doanh nghiệp` → `doanh nghiệp được hỗ trợ`)'),
      owner_links: words,
      place_words: words.describe('Prepositions before the places a figure counts (`triển khai tại 100% các cơ quan`)'),
      voice_words: words.describe('Words between a topic and what was done to it (`phần mềm X được triển khai`)'),
      numbered_words: words.describe('Labels whose small number is part of the phrase (`mức độ 3`)'),
      year_words: words.describe('Words whose four-digit year belongs to the phrase they end (`chỉ số DTI năm 2024`)'),
      per_population: z.strictObject({ words, populations: words }).describe('A population a rate is per, written after the figure (`trên 100 dân`)'),
      averages: words.describe('Average words right before a rate (`bình quân`)'),
      inherit_after: words,
      elided_halves: words.describe('Halves of a word whose other half comes after a comma (`nông, lâm nghiệp`): such a comma ends no clause'),
      breakdown: z
        .strictObject({ openers: words, drop: words })
        .describe('Openers of a sentence that breaks down the figure before it (`Trong đó,`), and words its items drop from the shared head (`tổng`)'),
      actors: words,
      count_prefixes: words,
      money_words: words,
      max_words: z.number().int().positive(),
      place_cuts: z.array(patternSource).describe('Place phrases cut from an indicator (`trên địa bàn tỉnh`)'),
      kind_heads: z.strictObject({ rank: kindHead, share: kindHead, rate: kindHead, duration: kindHead.extend({ units: words.describe('Units of a length of time') }) }),
    }),
    awards: z.strictObject({
      prizes: words.describe('Counted nouns that are prizes (`giải`, `huy chương`)'),
      events: words.describe('Words that open an event\'s name (`cuộc thi`)'),
      event_ends: words.describe('Words that end an event\'s name written without quotes (`trên`, `diễn ra`)'),
      money_verbs: words.describe('Verbs right before the amount a prize carries (`được thưởng`)'),
      money_head: z.string().min(1).describe('What such an amount measures, before the prize (`tiền thưởng`)'),
    }),
    period: z.strictObject({
      openers: words.describe('Words before a date that opens a sentence (`Trong năm 2024, ...`)'),
      baseline_words: words.describe('Words that begin a baseline date (`so với năm 2023`)'),
      term_words: words.describe('Words that make a date a term of office (`nhiệm kỳ 2021-2026`)'),
      price_base_words: words.describe('Words that make a year the base of constant prices (`giá so sánh năm 2010`), never a period'),
      review_words: words.describe('Words in the lead of a review of the reference year'),
      lead_sentences: z.number().int().positive(),
    }),
    place: z.strictObject({
      country: z.string().min(1),
      national: words.describe('Words that place a figure in the whole country (`cả nước`)'),
      national_subjects: words.describe('Words that make an article with no subject province speak of the country (`Chính phủ`, `GDP`), though they place no figure'),
      province_words: words.describe('Words by which a report speaks of its own province (`toàn tỉnh`)'),
      province_counts: words.describe('Counted nouns that are provinces: their counts are the country’s (`15 tỉnh thành`)'),
      province_totals: z.array(z.number().int().positive()).describe('Totals of provinces that make a count of `local_counts` the country’s (`16/34 địa phương`)'),
      local_counts: words.describe('Counted nouns that are provinces only out of a total of provinces (`địa phương`)'),
      topic_leads: words.describe('Words before a province that opens a sentence, in a roundup (`Tại Nghệ An, ...`)'),
      no_territory: words.describe('Subjects whose figures belong to no territory (`Công ty`, `Hội nghị`)'),
    }),
    exclusions: z.array(
      z.strictObject({ id: ruleId, name: z.string(), pattern: patternSource, examples: z.array(z.string()).optional() }),
    ),
  }),
  compile(raw) {
    const units = raw.units.map((u) => ({ id: u.id, unit: u.unit, money: u.money ?? false, needsChange: u.needs_change ?? false }));
    const currencyCodes = raw.units.filter((u) => u.money).flatMap((u) => u.forms.filter((f) => !/^\p{Ll}/u.test(f)));
    const digit = formLookup(raw.numbers.words.filter((w) => !w.unit), (w) => w.value);
    const onesAfter = formLookup(raw.numbers.ones_after_tens, (w) => w.value);
    const digitForms = raw.numbers.words.filter((w) => !w.unit && w.value >= 1 && w.value <= 9).flatMap((w) => w.forms);
    const onesForms = [...digitForms.filter((f) => !raw.numbers.words.some((w) => w.before_tens && w.forms.includes(f))), ...raw.numbers.ones_after_tens.flatMap((w) => w.forms)];
    const tens = new RegExp(`^(?:${alternation(raw.numbers.tens)})$`, 'iu');
    /** `năm mươi lăm` → 55: a digit word, a word of tens, and optionally the ones. */
    const spelledTens = `(?:${alternation(digitForms)})\\s+(?:${alternation(raw.numbers.tens)})(?:\\s+(?:${alternation(onesForms)}))?`;
    const plain = formLookup(raw.numbers.words, (w) => ({ id: w.id, value: w.value, unit: w.unit ?? null }));
    const spelledValue = (written: string): { id: string; value: number; unit: string | null } | undefined => {
      const [d, t, ones] = written.split(/\s+/u);
      if (!t || !tens.test(t)) return plain(written);
      const value = (digit(d!) ?? 0) * 10 + (ones ? (onesAfter(ones) ?? digit(ones) ?? 0) : 0);
      return value >= 10 ? { id: 'tens', value, unit: null } : undefined;
    };
    return {
      /** After a number: the second number of a range (`7-10`, `30 đến 40`) or of a fraction (`678/678`). */
      secondNumber: new RegExp(`^(?<sep>\\/|\\s*[-–]\\s*|\\s+(?:${alternation(raw.numbers.range_words)})\\s+)(?<n>[\\d.,]+)`, 'iu'),
      multipliers: {
        next: startsWith(raw.numbers.multipliers.flatMap((m) => m.forms), 'iu', '\\s+'),
        factor: formLookup(raw.numbers.multipliers, (m) => m.factor),
      },
      numberWords: {
        pattern: new RegExp(`${WORD_START}(?:${spelledTens}|${alternation(raw.numbers.words.filter((w) => !w.before_tens).flatMap((w) => w.forms))})${WORD_END}`, 'giu'),
        value: spelledValue,
        blockedAfter: endsWith(raw.numbers.word_blockers, 'iu'),
      },
      /** A half of the unit or multiplier just read: `ba đô rưỡi`, `hai triệu rưỡi`. */
      half: startsWith(raw.numbers.halves, 'iu', '\\s+'),
      units: {
        next: startsWith(raw.units.flatMap((u) => u.forms), 'u', '\\s*'),
        /** A number with a unit glued to it (`50.000đ`, `5km`), which the standalone number pattern leaves out. */
        glued: new RegExp(
          `(?<![\\p{L}\\p{M}\\p{N}.,/])(?:${NUMBER_SOURCE})(?=(?:${alternation(raw.units.flatMap((u) => u.forms).filter((f) => /^\p{L}/u.test(f)))})${WORD_END})`,
          'gu',
        ),
        byForm: new Map(raw.units.flatMap((u, i) => u.forms.map((f) => [f, units[i]!] as const))),
        /** Units that are no figure right after a capitalised name: lengths of time, ages. */
        notAfterNames: new Set(raw.units.filter((u) => u.after_names === false).map((u) => u.unit)),
        /** The units of money (`VND`, `USD`). */
        money: new Set(units.filter((u) => u.money).map((u) => u.unit)),
        /** What a unit measures of the noun after it, by unit (`ha` → `diện tích`). */
        measureOf: new Map(raw.units.flatMap((u) => (u.measure ? [[u.unit, u.measure] as const] : []))),
        /** A currency code or sign right before a number (`$5`, `USD 5,5`, `VND200.000`): the money forms that are not lower-case words. */
        before: new RegExp(`(?<![\\p{L}\\p{M}])(?<form>${alternation(currencyCodes)})[ \\t]?(?:${NUMBER_SOURCE})[kK]?$`, 'u'),
        /** A number glued after a currency code (`USD5,5`), which the standalone number pattern leaves out. */
        afterCode: new RegExp(`(?<=(?<![\\p{L}\\p{M}])(?:${alternation(currencyCodes.filter((f) => /\p{L}$/u.test(f)))}))(?:${NUMBER_SOURCE})[kK]?(?![\\p{L}\\p{M}\\p{N}]|[.,]\\d)`, 'gu'),
        /** Cents after a whole amount, per unit id: `\s+50 xu`. */
        subunit: new Map(
          raw.units.flatMap((u) => (u.subunit ? [[u.id, { next: new RegExp(`^\\s+(?<n>\\d{1,2})\\s+(?<form>${alternation(u.subunit.forms)})${WORD_END}`, 'iu'), per: u.subunit.per }] as const] : [])),
        ),
      },
      rate: new RegExp(
        `^(?:\\s*\\/\\s*(?:(?<count>\\d{1,3}(?:\\.\\d{3})+|\\d+)\\s*)?|\\s+(?:${alternation(raw.rates.connector_words)})\\s+(?<over>\\d{1,3}(?:\\.\\d{3})+|\\d+)\\s+|\\s+(?:${alternation(raw.rates.each_words)})\\s+)(?<per>${alternation(raw.rates.per)})${WORD_END}`,
        'u',
      ),
      counted: {
        classifiers: new Set(raw.counted_nouns.classifiers.map((w) => w.toLowerCase())),
        stopWords: new Set(raw.counted_nouns.stop_words.map((w) => w.toLowerCase())),
        maxWords: raw.counted_nouns.max_words,
      },
      qualifier: new RegExp(
        `${WORD_START}(?<q>${alternation(raw.qualifiers.flatMap((q) => q.forms))})(?<fill>(?:\\s+(?:${alternation(raw.qualifier_fillers)}))*)\\s*$`,
        'iu',
      ),
      qualifierValue: formLookup(raw.qualifiers, (q) => q.value),
      qualifierAfter: raw.qualifiers.some((q) => q.after) ? startsWith(raw.qualifiers.flatMap((q) => q.after ?? []), 'iu', '\\s*') : null,
      qualifierAfterValue: formLookup(raw.qualifiers.map((q) => ({ forms: q.after ?? [], value: q.value })), (q) => q.value),
      fillers: endsWith(raw.qualifier_fillers, 'iu', true),
      change: new RegExp(
        `${WORD_START}(?<form>${alternation(raw.changes.flatMap((c) => c.forms))})(?:\\s+(?:${alternation(raw.change_links.adverbs)}))*` +
          `(?:\\s+(?:${alternation(raw.comparison.markers)})\\s[^,;:()]{1,${BASELINE_CHARS}}?\\s(?:${alternation(raw.change_links.baseline_verbs)}))?\\s*$`,
        'iu',
      ),
      growthSubject: new RegExp(`^\\s*(?:${alternation(raw.change_links.growth_subjects)})(?![\\p{L}\\p{M}])`, 'iu'),
      direction: formLookup(raw.changes, (c) => c.direction),
      comparison: {
        marker: new RegExp(`${WORD_START}(?:${alternation(raw.comparison.markers)})\\s+`, 'giu'),
        baseline: startsWith(raw.comparison.baselines, 'iu', '\\s*'),
        /** Right after a number, its unit word at most, then a marker: `2,94% so với cùng kỳ`. */
        next: new RegExp(`^\\s*(?:[^\\s\\d,;:()]{1,8}\\s*)?(?:${alternation(raw.comparison.markers)})(?![\\p{L}\\p{M}])`, 'iu'),
        end: new RegExp(`[,;:()“”"\\n.]|\\s(?:${alternation(raw.comparison.ends)})\\s|$`, 'iu'),
      },
      ranks: {
        cue: endsWith(raw.ranks.cues, 'iu'),
        top: endsWith(raw.ranks.top, 'iu'),
        /** Before a new position's cue: `từ vị trí 20 lên `, with the old position as `old`. */
        movedFrom: new RegExp(`${WORD_START}(?:${alternation(raw.ranks.movement.from)})\\s+(?<old>(?:${alternation(raw.ranks.cues)})\\s+\\d+)\\s+(?:${alternation(raw.ranks.movement.to)})\\s+$`, 'iu'),
        /** After an old position: ` lên vị trí 15`. */
        movesTo: new RegExp(`^\\s+(?:${alternation(raw.ranks.movement.to)})\\s+(?:${alternation(raw.ranks.cues)})\\s+\\d`, 'iu'),
        scope: startsWith(raw.ranks.scopes, 'iu', '\\s+'),
        of: new RegExp(`^\\s+(?:${alternation(raw.ranks.of_words)})\\s+(?<n>\\d+)${WORD_END}`, 'iu'),
        about: new RegExp(`^[^;()\\d]{0,30}?${WORD_START}(?<form>${alternation(raw.ranks.about_words)})\\s+`, 'iu'),
        notAfter: endsWith(raw.ranks.not_after, 'iu'),
      },
      targets: {
        sentence: anyWord(raw.targets.sentence_cues, 'iu'),
        immediate: endsWith(raw.targets.immediate_cues, 'iu'),
        announced: {
          verb: anyWord(raw.targets.announced.verbs, 'iu'),
          noun: anyWord(raw.targets.announced.nouns, 'iu'),
          met: anyWord(raw.targets.announced.met, 'iu'),
          opener: startsWith(raw.targets.announced.openers, 'iu', '\\s*'),
        },
      },
      indicator: {
        verb: endsWith(raw.indicator.verbs, 'iu'),
        weakVerb: new RegExp(`^\\s*(?:${alternation(raw.indicator.weak_verbs)})\\s*$`, 'iu'),
        leading: raw.indicator.leading.map((p, i) => compilePattern(`^(?:${p})`, 'iu', { id: `indicator.leading[${i}]` })),
        trailing: new RegExp(`(?:\\s+(?:${alternation(raw.indicator.trailing)}))+\\s*$`, 'iu'),
        trailingCompounds: new Set(raw.indicator.trailing_compounds.map((w) => w.toLowerCase())),
        timePhrases: raw.indicator.time_phrases,
        head: anyWord(raw.indicator.heads, 'iu'),
        /** The same, for every head word in a phrase. */
        heads: anyWord(raw.indicator.heads, 'giu'),
        /** Every head word of a rank's subject: the heads and a rank's own (`xếp hạng DTI`). */
        rankHeads: anyWord([...raw.indicator.heads, ...raw.indicator.kind_heads.rank.unless], 'giu'),
        phraseStop: new RegExp(`[;:()…,]|\\.(?!\\d)|\\s[-–]\\s(?!\\p{Ll})|\\s(?=\\d)(?!\\d+\\p{Lu})(?!(?<=${WORD_START}(?:${alternation(raw.indicator.year_words)})\\s)(?:19|20)\\d{2}(?!\\d))(?!(?<=${WORD_START}(?:${alternation(raw.indicator.numbered_words)})\\s)\\d{1,2}(?![\\d.,]?\\d))|\\s(?:${alternation(raw.indicator.phrase_stops)})\\s|(?<join>\\s(?:${alternation(raw.indicator.phrase_joins)})\\s)`, 'giu'),
        /** What stands between two counts of a list: a comma, a join, or both (`22 tập thể, 55 cá nhân`). */
        listGap: new RegExp(`^\\s*(?:,\\s*)?(?:(?:${alternation(raw.indicator.phrase_joins)})\\s+)?$`, 'iu'),
        /** A numbered label at the start of a text (`mức độ 4`), after a comma that goes on to it. */
        numbered: new RegExp(`^\\s*(?:${alternation(raw.indicator.numbered_words)})\\s+\\d{1,2}${WORD_END}`, 'iu'),
        /** Right after a change: `về ` and what it changes in (`tăng 41,97% về số lượng dự án`), with the ranks' `về` words. */
        changeAbout: new RegExp(`^\\s+(?:${alternation(raw.ranks.about_words)})\\s+`, 'iu'),
        placeWord: new RegExp(`^\\s+(?:${alternation(raw.indicator.place_words)})${WORD_END}`, 'iu'),
        /** `<topic> được <verbs> tại` ending the text before a figure. */
        doneAt: new RegExp(`^(?<topic>[^,;:]+?)\\s+(?<voice>${alternation(raw.indicator.voice_words)})\\s+(?<verbs>[^,;:\\d]+?)\\s+(?:${alternation(raw.indicator.place_words)})\\s*$`, 'iu'),
        objectClause: {
          passive: raw.indicator.object_clause.passive,
          agent: raw.indicator.object_clause.agent,
          /** What may stand between the clause and its object: nothing, a resultative (`tích hợp được`), or a beneficiary's `cho`. */
          gap: new RegExp(`^\\s*(?:(?<resultative>${alternation(raw.indicator.object_clause.resultative)})|(?<beneficiary>${alternation(raw.indicator.object_clause.beneficiary)}))?\\s*$`, 'iu'),
          passiveWord: new RegExp(`${WORD_START}${phraseSource([raw.indicator.object_clause.passive], { space: 'whitespace' })}${WORD_END}`, 'iu'),
          aspect: new RegExp(`^(?:${alternation(raw.indicator.object_clause.aspect)})$`, 'iu'),
          lightVerb: new RegExp(`^(?:${alternation(raw.indicator.object_clause.light_verbs)})$`, 'iu'),
        },
        ownerLink: new RegExp(`${WORD_START}(?:${alternation(raw.indicator.owner_links)})\\s*$`, 'iu'),
        /** `trên 100 dân` after a figure, before any clause mark or comma (but a decimal comma). */
        perPopulation: new RegExp(`^(?:[^;:().,]|,(?=\\d))*?${WORD_START}(?<per>(?:${alternation(raw.indicator.per_population.words)})\\s+\\d+(?:[.,]\\d+)*\\s+(?:${alternation(raw.indicator.per_population.populations)}))${WORD_END}`, 'iu'),
        average: endsWith(raw.indicator.averages, 'iu'),
        /** An average right after a comma that follows a change (`giảm 3,64%, bình quân 1,21%/năm`), matched from the average's cue. */
        averageAfterChange: new RegExp(`(?<=,\\s*)(?:${alternation(raw.indicator.averages)})\\s*$`, 'iu'),
        /** The marks that end a clause before a figure (`;`, `:`, `(`, `,`, ` - `), but a comma after half of an elided word. */
        clauseMarks: new RegExp(`[;:(]|(?<!${WORD_START}(?:${alternation(raw.indicator.elided_halves)})),|\\s[-–]\\s(?!\\p{Ll})`, 'gu'),
        inheritAfter: new Set(raw.indicator.inherit_after.map((w) => w.toLowerCase())),
        breakdown: {
          opener: startsWith(raw.indicator.breakdown.openers, 'iu', '\\s*'),
          drop: startsWith(raw.indicator.breakdown.drop, 'iu', ''),
        },
        actors: new Set(raw.indicator.actors.map((w) => w.toLowerCase())),
        measureNoun: startsWith(raw.indicator.measure_nouns, 'iu', ''),
        /** Every head word and measure noun, to find the last one written. */
        measures: anyWord([...raw.indicator.heads, ...raw.indicator.measure_nouns], 'giu'),
        countPrefix: new RegExp(`^(?:${alternation(raw.indicator.count_prefixes)})\\s+`, 'iu'),
        money: anyWord(raw.indicator.money_words, 'iu'),
        maxWords: raw.indicator.max_words,
        durationUnits: new Set(raw.indicator.kind_heads.duration.units),
        placeCuts: raw.indicator.place_cuts.map((p, i) => compilePattern(p, 'gu', { id: `indicator.place_cuts[${i}]` })),
        kindHeads: {
          rank: { head: raw.indicator.kind_heads.rank.head, unless: startsWith(raw.indicator.kind_heads.rank.unless, 'iu', '') },
          share: { head: raw.indicator.kind_heads.share.head, unless: startsWith(raw.indicator.kind_heads.share.unless, 'iu', '') },
          rate: { head: raw.indicator.kind_heads.rate.head, unless: startsWith(raw.indicator.kind_heads.rate.unless, 'iu', '') },
          duration: { head: raw.indicator.kind_heads.duration.head, unless: startsWith(raw.indicator.kind_heads.duration.unless, 'iu', '') },
        },
      },
      awards: {
        /** A counted noun that is a prize. */
        prize: startsWith(raw.awards.prizes, 'iu', ''),
        /** A prize with its name, before a mark: `giải Nhất (`, `3 giải khuyến khích (`. */
        prizeBefore: new RegExp(`${WORD_START}(?<prize>(?:${alternation(raw.awards.prizes)})(?:\\s+[^\\s(),;.:\\d]+){1,6}?)(?=\\s*[(),;:])`, 'giu'),
        /** An event's opener with its quoted title or the words of its name. */
        event: new RegExp(
          `${WORD_START}(?:${alternation(raw.awards.events)})(?:\\s*[“"«][^“”"«»\\n]{1,80}[”"»]|(?:\\s+(?!(?:${alternation(raw.awards.event_ends)})${WORD_END})[^\\s,.;:()“”"«»]+){1,12})`,
          'giu',
        ),
        eventWord: anyWord(raw.awards.events, 'iu'),
        money: endsWith(raw.awards.money_verbs, 'iu'),
        moneyHead: raw.awards.money_head,
      },
      period: {
        openers: new RegExp(`^[\\s(]*(?:(?:${alternation(raw.period.openers)})\\s+)?$`, 'iu'),
        baseline: new RegExp(`^(?:${alternation(raw.period.baseline_words)})${WORD_END}`, 'iu'),
        /** A term word that begins the date or stands right before it (`nhiệm kỳ 2021-2026`, `nhiệm kỳ: 2021-2026`). */
        term: new RegExp(`${WORD_START}(?:${alternation(raw.period.term_words)})[\\s:,]*$`, 'iu'),
        /** A price-base word right before a year (`theo giá so sánh năm `), its year word optional. */
        priceBase: new RegExp(`${WORD_START}(?:${alternation(raw.period.price_base_words)})(?:\\s+(?:${alternation(raw.indicator.year_words)}))?\\s*$`, 'iu'),
        review: anyWord(raw.period.review_words, 'iu'),
        leadSentences: raw.period.lead_sentences,
      },
      place: {
        country: raw.place.country,
        national: anyWord(raw.place.national, 'giu'),
        nationalSubject: anyWord(raw.place.national_subjects, 'u'),
        provinceWords: raw.place.province_words,
        provinceCount: new RegExp(`^(?:${alternation(raw.place.province_counts)})$`, 'iu'),
        provinceTotals: new Set(raw.place.province_totals),
        localCount: new RegExp(`^(?:${alternation(raw.place.local_counts)})${WORD_END}`, 'iu'),
        topicLead: new RegExp(`^\\s*(?:(?:${alternation(raw.place.topic_leads)})\\s+)*$`, 'iu'),
        /** A company, meeting or contest with its name: capitalised words, and small ones before a capital (`Công ty Điện lực Thanh Hóa`). */
        noTerritory: new RegExp(`${WORD_START}(?:${alternation(raw.place.no_territory)})(?:\\s+(?:\\p{Lu}[\\p{L}\\p{M}&]*|TNHH|cổ phần|[“"][^”"\\n]{1,80}[”"]|\\p{Ll}+(?=\\s+\\p{Lu})))*`, 'gu'),
      },
      exclusions: raw.exclusions.map((e) => ({ id: e.id, pattern: compilePattern(e.pattern, 'gmu', { id: e.id, examples: e.examples ?? [] }) })),
    };
  },
});

export type MetricRules = ReturnType<typeof metricRules.compile>;


/** The forms as one alternative: longest first so that `tăng trưởng` wins over `tăng`, a space matching any white space. */
function alternation(forms: readonly string[]): string {
  return phraseSource(forms, { space: 'whitespace' });
}

/** Each entry's value by its forms, looked up by a form as the text writes it (any case, any run of white space). */
function formLookup<E extends { forms: readonly string[] }, T>(entries: readonly E[], value: (e: E) => T): (written: string) => T | undefined {
  const key = (form: string) => form.toLowerCase().replace(/\s+/gu, ' ');
  const map = new Map<string, T>();
  for (const e of entries) for (const f of e.forms) map.set(key(toTextForm(f)), value(e));
  return (written) => map.get(key(written));
}

/** One of `forms` as a whole word anywhere. */
function anyWord(forms: readonly string[], flags: string): RegExp {
  return new RegExp(`${WORD_START}(?:${alternation(forms)})${WORD_END}`, flags);
}

/** One of `forms` at the start of a string, after `gap`, captured as `form`. */
function startsWith(forms: readonly string[], flags: string, gap: string): RegExp {
  const edge = forms.every((f) => /[\p{L}\p{N}]$/u.test(f)) ? WORD_END : `(?:(?<=[^\\p{L}\\p{N}])|${WORD_END})`;
  return new RegExp(`^${gap}(?<form>${alternation(forms)})${edge}`, flags);
}

/** The longest baseline said between a change verb and its number (`tăng so với cùng kỳ năm 2023 là`), in characters. */
const BASELINE_CHARS = 40;

/** One of `forms` as a whole word at the end of a string (optionally repeated), captured as `form`. */
function endsWith(forms: readonly string[], flags: string, repeated = false): RegExp {
  const one = `(?:${alternation(forms)})`;
  return new RegExp(`${WORD_START}(?<form>${one}${repeated ? `(?:\\s+${one})*` : ''})\\s*$`, flags);
}
