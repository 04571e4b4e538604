/**
 * From mentions to officials: one entity per person, with every mention.
 *
 * Each pass is one step of `resolveCoreference`, in this order:
 *
 * - Mentions with the same full name (case-folded) are one person; a
 *   one-syllable name with titles (`ông Quyết, Giám đốc Sở`) joins the one
 *   person whose name ends with it, or makes an official of the one person
 *   named in full with an honorific before it (`Ông Nguyễn Văn An phát
 *   biểu. Ông An, Phó Chủ tịch UBND tỉnh, cho biết`).
 * - The titles are those of the fullest mention (most words once
 *   abbreviations are expanded; the earliest on a tie), the honorific that
 *   of the first mention that has one.
 * - Later mentions add spans: an honorific with the full name or its last
 *   syllables (`Ông Quyết`), the full name alone, and a title alone
 *   (`Phó Chủ tịch UBND tỉnh Hải Dương khẳng định`) when exactly one person
 *   holds that office in the article, and the office with the last
 *   syllables of the name (`Phó Chủ tịch Tuấn`). A short name that a person
 *   named in full without an office also ends with (`ông Lê Văn Hùng, người
 *   dân`) joins nobody.
 */
import type { Official } from './schema.js';
import type { Span } from '../../model/entity.js';
import type { Found } from '../types.js';
import { introducerAt, titleCase, type Mention, type Scan } from './mention.js';
import type { HonorificValue } from './rules.js';
import { parseTitle, titleText } from './title.js';
import type { Title } from './mention.js';

export const HONORIFIC_AND_NAME = 'honorific-and-name';
export const NAME_AGAIN = 'name-again';
export const TITLE_ALONE = 'title-alone';
export const OFFICE_AND_NAME = 'office-and-name';

interface Person {
  key: string;
  mentions: Mention[];
  /** Spans with the rule that found them. */
  spans: Array<{ span: Span; rule: string }>;
  honorific: HonorificValue | null;
}

/** The people found so far and the spans already taken, which the passes add to in turn. */
interface Resolution {
  readonly scan: Scan;
  readonly people: Person[];
  /** People by their case-folded full name. */
  readonly byKey: Map<string, Person>;
  /** Spans of the names and titles given to someone: a later mention never overlaps one. */
  readonly claimed: Span[];
}

export function resolveCoreference(scan: Scan, mentions: readonly Mention[]): Found<Official>[] {
  const sorted = [...mentions].sort((a, b) => a.nameStart - b.nameStart || b.titles.length - a.titles.length);
  const full = sorted.filter((m) => m.nameEnd - m.nameStart >= scan.names.syllables.introduced.min);
  const resolution: Resolution = { scan, people: [], byKey: new Map(), claimed: [] };
  groupByFullName(resolution, full);
  const introduced = introducedWithoutOffice(resolution);
  attachShortNames(resolution, sorted.filter((m) => !full.includes(m)), introduced);
  claimMentions(resolution);
  // People named in full with no office (`ông Lê Văn Hùng, người dân`): a short name they share is not an official's.
  const others = new Set([...introduced.keys()].filter((key) => !resolution.byKey.has(key)));
  addNamesAgain(resolution, others);
  addTitlesAlone(resolution);
  addOfficesWithName(resolution);
  return resolution.people.map((person) => toOfficial(scan, person)).sort((a, b) => a.spans[0]![0] - b.spans[0]![0]);
}

/** The case-folded text of tokens [from, to): the key of a name. */
function fold(scan: Scan, from: number, to: number): string {
  return scan.stream.slice(from, to).toLowerCase();
}

function addSpan(resolution: Resolution, person: Person, span: Span, rule: string): void {
  if (!person.spans.some((s) => s.span[0] === span[0] && s.span[1] === span[1])) person.spans.push({ span, rule });
  resolution.claimed.push(span);
}

function isFree(resolution: Resolution, span: Span): boolean {
  return !resolution.claimed.some(([s, e]) => s < span[1] && e > span[0]);
}

/** Mentions with the same full name (case-folded) are one person. */
function groupByFullName(resolution: Resolution, full: readonly Mention[]): void {
  for (const m of full) {
    const key = fold(resolution.scan, m.nameStart, m.nameEnd);
    let person = resolution.byKey.get(key);
    if (!person) {
      person = { key, mentions: [], spans: [], honorific: null };
      resolution.byKey.set(key, person);
      resolution.people.push(person);
    }
    person.mentions.push(m);
  }
}

/** People named in full with an honorific and no office where first named (`Ông Nguyễn Văn An phát biểu`), by key. */
function introducedWithoutOffice(resolution: Resolution): Map<string, Mention> {
  const { scan, byKey } = resolution;
  const { stream } = scan;
  const introduced = new Map<string, Mention>();
  for (let i = 0; i < stream.length; i++) {
    const introducer = introducerAt(scan, i);
    if (!introducer) continue;
    const end = stream.nameRunEnd(introducer.nameStart, scan.names.syllables.introduced.max + 1);
    const key = fold(scan, introducer.nameStart, end);
    if (end - introducer.nameStart >= scan.names.syllables.introduced.min && !byKey.has(key) && !introduced.has(key)) {
      introduced.set(key, { rule: HONORIFIC_AND_NAME, nameStart: introducer.nameStart, nameEnd: end, honorific: introducer.honorific, titles: [] });
    }
  }
  return introduced;
}

/**
 * A one-syllable name with titles joins the one person whose name ends with
 * it, or makes an official of the one person introduced in full before it
 * (who then leaves `introduced`).
 */
function attachShortNames(resolution: Resolution, short: readonly Mention[], introduced: Map<string, Mention>): void {
  const { scan, people, byKey } = resolution;
  for (const m of short) {
    const tail = fold(scan, m.nameStart, m.nameEnd);
    const holder = unique(people.filter((p) => endsWithName(p.key, tail)));
    if (holder) {
      holder.mentions.push(m);
      continue;
    }
    // A later mention adds the office (`Ông An, Phó Chủ tịch UBND tỉnh`): the one person named in full before it becomes an official.
    const earlier = unique([...introduced].filter(([key, first]) => endsWithName(key, tail) && first.nameStart < m.nameStart));
    if (!earlier || people.some((p) => endsWithName(p.key, tail))) continue;
    const [key, first] = earlier;
    const person: Person = { key, mentions: [first, m], spans: [], honorific: null };
    byKey.set(key, person);
    people.push(person);
    introduced.delete(key);
  }
}

/** Each person's mentions in order, their honorific (the first one given), and the spans of their names and titles. */
function claimMentions(resolution: Resolution): void {
  const { stream } = resolution.scan;
  for (const person of resolution.people) {
    person.mentions.sort((a, b) => a.nameStart - b.nameStart);
    person.honorific = person.mentions.find((m) => m.honorific)?.honorific ?? null;
    for (const m of person.mentions) {
      addSpan(resolution, person, stream.span(m.nameStart, m.nameEnd), m.rule);
      for (const t of m.titles) resolution.claimed.push(stream.span(t.start, t.end));
    }
  }
}

/** An honorific with the name, whole or its last syllables (unless one of `others` also ends with them); the full name alone. */
function addNamesAgain(resolution: Resolution, others: ReadonlySet<string>): void {
  const { scan, people, byKey } = resolution;
  const { stream } = scan;
  const shortHolder = (tail: string) => ([...others].some((k) => endsWithName(k, tail)) ? undefined : unique(people.filter((p) => endsWithName(p.key, tail))));
  for (let i = 0; i < stream.length; i++) {
    const introducer = introducerAt(scan, i);
    const start = introducer ? introducer.nameStart : i;
    if (!introducer && (!stream.isNameSyllable(i) || (i > 0 && stream.sameLine(i) && stream.isCapitalised(i - 1)))) continue;
    const end = stream.nameRunEnd(start, scan.names.syllables.introduced.max + 1);
    if (end === start || !isFree(resolution, stream.span(start, end))) continue;
    const key = fold(scan, start, end);
    const person = introducer ? byKey.get(key) ?? shortHolder(key) : byKey.get(key);
    if (person && (introducer || !scan.rules.notANameAfter.endsAt(stream, start))) {
      addSpan(resolution, person, stream.span(start, end), introducer ? HONORIFIC_AND_NAME : NAME_AGAIN);
      person.honorific ??= introducer?.honorific ?? null;
    }
    i = end - 1;
  }
}

/** Each person with the titles of all their mentions. */
function holdersOf(people: readonly Person[]): Array<{ person: Person; titles: Title[] }> {
  return people.map((p) => ({ person: p, titles: p.mentions.flatMap((m) => m.titles) }));
}

/** A title alone, held by exactly one person. */
function addTitlesAlone(resolution: Resolution): void {
  const { scan } = resolution;
  const { stream } = scan;
  const holders = holdersOf(resolution.people);
  for (let i = 0; i < stream.length; i++) {
    const title = parseTitle(scan, i, 'capital');
    if (!title) continue;
    i = title.end - 1;
    if (!isFree(resolution, stream.span(title.start, title.end))) continue;
    const holder = unique(holders.filter((h) => h.titles.some((t) => sameOffice(scan, t, title))));
    if (holder) addSpan(resolution, holder.person, stream.span(title.start, title.end), TITLE_ALONE);
  }
}

/** An office and the last syllables of the name: `Phó Chủ tịch Tuấn`, `Bí thư Hưng`. */
function addOfficesWithName(resolution: Resolution): void {
  const { scan } = resolution;
  const { stream } = scan;
  const holders = holdersOf(resolution.people);
  for (let i = 0; i < stream.length; i++) {
    const position = scan.rules.positions.match(stream, i, 'capital');
    if (!position) continue;
    const end = stream.nameRunEnd(position.end, 3);
    if (end === position.end || end - position.end > 2 || !stream.sameLine(position.end) || !isFree(resolution, stream.span(position.end, end))) continue;
    const key = fold(scan, position.end, end);
    const holder = unique(holders.filter((h) => endsWithName(h.person.key, key) && h.titles.some((t) => t.position === position.value.id)));
    if (holder) addSpan(resolution, holder.person, stream.span(position.end, end), OFFICE_AND_NAME);
    i = end - 1;
  }
}

function toOfficial(scan: Scan, person: Person): Found<Official> {
  const { stream, rules } = scan;
  const fullness = (m: Mention) => m.titles.reduce((n, t) => n + rules.canonicalTitle(titleText(stream, t).text).split(' ').length, 0);
  const named = person.mentions.filter((m) => m.nameEnd - m.nameStart >= scan.names.syllables.introduced.min);
  const fullest = person.mentions.reduce((best, m) => (fullness(m) > fullness(best) ? m : best));
  const titles = fullest.titles.map((t) => ({ ...titleText(stream, t), membership: rules.memberships.has(t.position) }));
  const spans = [...person.spans].sort((a, b) => a.span[0] - b.span[0]);
  const first = named[0] ?? person.mentions[0]!;
  return {
    name: titleCase(stream.slice(first.nameStart, first.nameEnd)),
    honorific: person.honorific,
    titles: titles.map((t) => t.text),
    organization: (titles.find((t) => t.organization && !t.membership) ?? titles.find((t) => t.organization))?.organization ?? null,
    spans: spans.map((s) => s.span),
    rule: spans[0]!.rule,
  };
}

/**
 * Whether two titles are the same office: same position, and one organisation
 * begins the other (`Giám đốc Sở TT&TT` ~ `Giám đốc Sở TT&TT Thanh Hóa`), or
 * neither has one (`Thủ tướng`).
 */
function sameOffice(scan: Scan, held: Title, mention: Title): boolean {
  if (held.position !== mention.position) return false;
  if (held.orgStart === null || mention.orgStart === null) return held.orgStart === mention.orgStart;
  const org = (t: Title) => scan.rules.canonicalTitle(scan.stream.slice(t.orgStart!, t.end)).split(' ');
  const a = org(held);
  const b = org(mention);
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return shorter.every((w, k) => longer[k] === w);
}

/** `đỗ hữu quyết` ends with the name `quyết` (or `hữu quyết`). */
function endsWithName(fullName: string, tail: string): boolean {
  return fullName !== tail && fullName.endsWith(` ${tail}`);
}

function unique<T>(items: readonly T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}
