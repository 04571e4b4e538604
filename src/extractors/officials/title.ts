/**
 * Titles: an office (`Giám đốc`, `Phó Chủ tịch`, `Tỉnh ủy viên`) and the body
 * it belongs to (`Sở TT&TT Thanh Hóa`, `UBND tỉnh Hải Dương`, `nước`), as
 * written. The body runs from an organisation head over capitalised words,
 * acronyms (`TT&TT`, `PT-TH`), the rest of a vntk word begun with a capital
 * (`Tuyên giáo`), known body names in any case after their capital
 * (`Thông tin và truyền thông`), place words (`tỉnh`), `và` before a capital,
 * `của` before an organisation head, `về` before a short lower-case
 * subject that ends the phrase, and the lower-case rest of a name begun with
 * a capital (`Trung tâm Chuyển đổi số tỉnh`, see `nameRestEnd`), a dash inside a
 * province name (`UBND tỉnh Bà Rịa - Vũng Tàu`) and a number right after a head
 * (`Phòng 2 Công an tỉnh`); it stops at any other lower-case
 * word (the verb that follows: `khẳng định`, `cho biết`), at punctuation, at
 * a line break and where another office begins.
 */
import type { Span } from '../../model/entity.js';
import { overlapsProvince, type Scan, type Title } from './mention.js';
import type { CaseMode } from '../../tokenize/phrases.js';
import type { TokenStream } from '../../tokenize/index.js';
import { personNameEnd } from '../../tokenize/person-names.js';

/**
 * Parses one title at token i, with a qualifier before the office if there is
 * one (`nguyên Giám đốc`). `mode` says how the office's letters must be written.
 */
export function parseTitle(scan: Scan, i: number, mode: CaseMode): Title | null {
  const { stream, rules } = scan;
  const qualifier = rules.positionQualifiers.match(stream, i);
  const position = rules.positions.match(stream, qualifier && stream.sameLine(qualifier.end) ? qualifier.end : i, mode);
  if (!position) return null;
  let end = position.end;
  let orgStart: number | null = null;
  if (position.value.organization !== 'none' && stream.sameLine(end)) {
    const head = rules.organizationHeads.match(stream, end) ?? rules.placeWords.match(stream, end);
    // A head is a whole word: `Hội` does not begin `Hội đồng quản trị`.
    if (head && !(stream.isLowerWord(head.end) && stream.continuesWord(head.end))) {
      orgStart = end;
      end = organizationEnd(scan, head.end);
    }
  }
  if (position.value.organization === 'required' && orgStart === null) return null;
  return { start: i, end, position: position.value.id, orgStart };
}

/** Titles one after another, joined by commas or `kiêm`: `Tỉnh ủy viên, Giám đốc Sở ...`. */
export function parseTitles(scan: Scan, i: number, mode: CaseMode): Title[] {
  const { stream } = scan;
  const titles: Title[] = [];
  let at = i;
  for (;;) {
    const title = parseTitle(scan, at, mode);
    if (!title) break;
    titles.push(title);
    if (!scan.rules.titleJoiners.has(stream.at(title.end)) || !stream.sameLine(title.end + 1)) break;
    at = title.end + 1;
  }
  return titles;
}

function organizationEnd(scan: Scan, from: number): number {
  const { stream, rules } = scan;
  let j = from;
  /** Where the capitalised word just consumed begins when it can begin a body's name, else null. */
  let nameWord: number | null = null;
  let inPlace = false;
  let afterHead = true;
  while (j < stream.length && stream.sameLine(j) && (stream.spaced(j) || isAttachedMark(stream, j) || stream.at(j - 1) === '.')) {
    if (rules.positions.match(stream, j, 'capital')) break;
    const word = capitalisedWordEnd(stream, j);
    const head = rules.organizationHeads.match(stream, j, 'capital')?.end ?? null;
    const next: number | null =
      (afterHead && /^\d+$/u.test(stream.at(j)) ? j + 1 : null) ??
      (/^[-–]$/u.test(stream.at(j)) && overlapsProvince(scan, j, j + 1) ? j + 1 : null) ??
      rules.organizationNames.match(stream, j, 'capital')?.end ??
      head ??
      rules.placeWords.match(stream, j)?.end ??
      word ??
      acronymJoinEnd(stream, j) ??
      connectorEnd(scan, j) ??
      (nameWord !== null ? nameRestEnd(scan, j, nameWord) : null);
    if (next === null) break;
    const isPlaceWord = rules.placeWords.match(stream, j) !== null;
    inPlace = isPlaceWord || (inPlace && next === word);
    const beginsName: boolean = next === word && !inPlace && stream.isNameSyllable(j) && !overlapsProvince(scan, j, next);
    nameWord = beginsName ? j : null;
    afterHead = next === head;
    j = next;
  }
  return j;
}

/** `&` or `-` written inside an acronym (`TT&TT`, `PT-TH`): no space on either side. */
function isAttachedMark(stream: TokenStream, j: number): boolean {
  return (stream.at(j) === '&' || stream.at(j) === '-') && !stream.spaced(j);
}

/** A capitalised syllable or acronym, with the small-letter syllables vntk joins to it. */
function capitalisedWordEnd(stream: TokenStream, j: number): number | null {
  if (!stream.isCapitalised(j)) return null;
  let k = j + 1;
  while (k < stream.length && stream.isLowerWord(k) && stream.continuesWord(k)) k++;
  return k;
}

function acronymJoinEnd(stream: TokenStream, j: number): number | null {
  return isAttachedMark(stream, j) && !stream.spaced(j + 1) && stream.isCapitalised(j + 1) ? j + 2 : null;
}

function connectorEnd(scan: Scan, j: number): number | null {
  const { stream, rules } = scan;
  const word = stream.at(j);
  if (rules.and.has(word)) {
    const next = j + 1;
    const joins = stream.sameLine(next) && stream.isCapitalised(next) && !startsNamedPerson(scan, next) && !rules.positions.match(stream, next, 'capital');
    return joins ? next : null;
  }
  if (rules.of.has(word)) return stream.sameLine(j + 1) && rules.organizationHeads.match(stream, j + 1, 'capital') ? j + 1 : null;
  if (!rules.about.has(word)) return null;
  let k = j + 1;
  while (k < stream.length && stream.sameLine(k) && stream.isLowerWord(k) && k - j <= rules.aboutMaxSyllables) k++;
  const closes = k >= stream.length || !stream.sameLine(k) || /^[,;.:)]$/u.test(stream.at(k));
  return k > j + 1 && closes ? k : null;
}

/**
 * The lower-case rest of a body's name after its capitalised first word, not
 * a place's (`Trung tâm Chuyển đổi số tỉnh`): a few syllables ended by a place
 * word, a person's name or punctuation, every word of it a noun or an
 * adjective to vntk (`Sở Y tế cho biết,` stops before the verb) unless the
 * capitalised word is itself a verb naming an activity (`Ban Quản lý dự án
 * đầu tư xây dựng tỉnh`), which then must be ended by a place or a name.
 * A predicate ends it, whatever its tag (`Ban Tổ chức Trung ương chủ trì hội
 * nghị`).
 */
function nameRestEnd(scan: Scan, j: number, first: number): number | null {
  const { stream, rules } = scan;
  let k = j;
  while (k < stream.length && k - j < rules.nameRest.maxSyllables && stream.sameLine(k) && stream.isLowerWord(k) && !rules.placeWords.match(stream, k) && !rules.and.has(stream.at(k)) && !rules.nameRest.predicates.match(stream, k)) k++;
  if (k === j) return null;
  const beforePlaceOrName = rules.placeWords.match(stream, k) !== null || startsNamedPerson(scan, k, false);
  if (beforePlaceOrName && rules.nameRest.activityTags.has(stream.tagAt(first) ?? '')) return k;
  const closed = beforePlaceOrName || k >= stream.length || !stream.sameLine(k) || /^[,;.:)]$/u.test(stream.at(k));
  for (let w = j; w < k; w++) {
    const tag = stream.tagAt(w);
    if (tag !== undefined && !rules.nameRest.tags.has(tag)) return null;
  }
  return closed ? k : null;
}

/** `và Lê Thị Hằng, Giám đốc ...`: after `và` a new person begins, not the rest of the body's name (nor after `và Chủ tịch ...`). */
function startsNamedPerson(scan: Scan, i: number, beforeSeparator = true): boolean {
  const { stream, rules } = scan;
  const end = personNameEnd(stream, i, scan.names, scan.names.syllables.introduced);
  return end !== null && (!beforeSeparator || (rules.separators.has(stream.at(end)) && stream.sameLine(end)));
}

/** The text and span of a title, and its organisation's text. */
export function titleText(stream: TokenStream, title: Title): { text: string; span: Span; organization: string | null } {
  return {
    text: stream.slice(title.start, title.end),
    span: stream.span(title.start, title.end),
    organization: title.orgStart === null ? null : stream.slice(title.orgStart, title.end),
  };
}
