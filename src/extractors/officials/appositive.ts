/**
 * A name followed by its titles: `ông Đỗ Hữu Quyết - Giám đốc Sở TT&TT Thanh
 * Hóa` (any dash), `Ông Nguyễn Cao Thắng, Tỉnh ủy viên, Giám đốc Sở ...`,
 * `bà X – Giám đốc ...`, `Đồng chí X, Giám đốc ...`, and the same as a photo
 * caption on a line of its own. The name follows an honorific or a degree or
 * rank (`PGS.TS`, `Đại tá`), or is a bare
 * full name that starts with a surname (`Nguyễn Văn An, Chủ tịch UBND xã`).
 * A person without an office after the name (`ông Hà Minh Tùng (ấp Đông Mỹ)
 * đạt giải Nhất`) is not an official, but names listed each after its
 * honorific share the titles after the last (`ông Lò Văn A, ông Cầm Văn B,
 * Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh`).
 */
import { bareNameAt, introducerAt, trailingName, type Mention, type Scan } from './mention.js';
import { parseTitles } from './title.js';
import type { Title } from './mention.js';

export const NAME_THEN_TITLE = 'name-then-title';

export function recogniseNameThenTitle(scan: Scan): Mention[] {
  const { stream } = scan;
  const out: Mention[] = [];
  /** Names listed each after its honorific and not yet given titles, and where the next must begin. */
  let listed: { mentions: Mention[]; next: number } = { mentions: [], next: -1 };
  for (let i = 0; i < stream.length; i++) {
    const introducer = introducerAt(scan, i);
    if (introducer) {
      const { nameStart, honorific } = introducer;
      const nameEnd = stream.nameRunEnd(nameStart, scan.names.syllables.introduced.max + 1);
      if (nameEnd === nameStart || nameEnd - nameStart > scan.names.syllables.introduced.max) continue;
      const titles = titlesAfter(scan, nameEnd);
      const before = i === listed.next ? listed.mentions : [];
      if (titles.length) {
        for (const mention of [...before, { rule: NAME_THEN_TITLE, nameStart, nameEnd, honorific, titles }]) out.push({ ...mention, titles });
        listed = { mentions: [], next: -1 };
      } else {
        const joined = stream.at(nameEnd) === ',' || scan.rules.and.has(stream.at(nameEnd));
        listed = joined ? { mentions: [...before, { rule: NAME_THEN_TITLE, nameStart, nameEnd, honorific, titles }], next: nameEnd + 1 } : { mentions: [], next: -1 };
      }
      i = nameEnd - 1;
    } else if (stream.isNameSyllable(i)) {
      const nameEnd = bareNameAt(scan, i);
      if (nameEnd === null) continue;
      const titles = titlesAfter(scan, nameEnd);
      // `Hà Nội, Giám đốc Sở Y tế Trần Văn B`: the title belongs to the name after it.
      if (titles.length && trailingName(scan, titles.at(-1)!) === null) out.push({ rule: NAME_THEN_TITLE, nameStart: i, nameEnd, honorific: null, titles });
      i = nameEnd - 1;
    }
  }
  return out;
}

/**
 * The titles after a separator (`,`, a dash, `(`) that follows a name ending
 * at token j; a note in brackets may stand between (`Ông X (thứ hai từ trái),
 * Giám đốc ...`), but after a bracket with no title a separator must follow
 * (`ông Hà Minh Tùng (ấp Đông Mỹ) đạt giải Nhất` has no office).
 */
export function titlesAfter(scan: Scan, j: number): Title[] {
  const { stream, rules } = scan;
  if (!rules.separators.has(stream.at(j)) || !stream.sameLine(j) || !stream.sameLine(j + 1)) return [];
  const titles = parseTitles(scan, j + 1, 'any');
  if (titles.length || stream.at(j) !== '(') return titles;
  let close = j + 1;
  while (close < stream.length && stream.sameLine(close) && stream.at(close) !== ')' && stream.at(close) !== '(') close++;
  return stream.at(close) === ')' && stream.sameLine(close + 1) && stream.at(close + 1) !== '(' ? titlesAfter(scan, close + 1) : [];
}
