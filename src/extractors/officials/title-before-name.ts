/**
 * A title written before the name: `Phó Chủ tịch nước Nguyễn Lương Bằng`,
 * `Giám đốc Sở TT&TT Hải Dương Nguyễn Cao Thắng`, `Thủ tướng Phạm Minh
 * Chính`, and with an honorific between them: `Giám đốc Sở TT&TT, ông Đỗ
 * Hữu Quyết`. The office must begin with a capital. Where the name begins
 * inside the capitalised tail of the organisation is settled by
 * `trailingName` (vntk word starts, surnames, province names).
 */
import { overlapsProvince, trailingName, type Mention, type Scan } from './mention.js';
import { parseTitle } from './title.js';

export const TITLE_THEN_NAME = 'title-then-name';

export function recogniseTitleThenName(scan: Scan): Mention[] {
  const { stream } = scan;
  const out: Mention[] = [];
  for (let i = 0; i < stream.length; i++) {
    const title = parseTitle(scan, i, 'capital');
    if (!title) continue;
    const split = trailingName(scan, title);
    if (split !== null) {
      out.push({ rule: TITLE_THEN_NAME, nameStart: split, nameEnd: title.end, honorific: null, titles: [{ ...title, end: split }] });
    } else {
      const name = nameAfter(scan, title.end);
      if (name) out.push({ rule: TITLE_THEN_NAME, ...name, titles: [title] });
    }
    i = title.end - 1;
  }
  return out;
}

/** `Thủ tướng Phạm Minh Chính` or `..., ông Đỗ Hữu Quyết` right after a title ending at token j. */
function nameAfter(scan: Scan, j: number): Pick<Mention, 'nameStart' | 'nameEnd' | 'honorific'> | null {
  const { stream, rules } = scan;
  let start = j;
  let honorific: Mention['honorific'] = null;
  const comma = stream.at(start) === ',' && stream.sameLine(start) ? start + 1 : start;
  const introducer = rules.honorifics.match(stream, comma);
  if (introducer && stream.sameLine(comma)) {
    start = introducer.end;
    honorific = introducer.value.honorific;
  }
  if (!stream.sameLine(start) || stream.gap(start).length === 0) return null;
  const end = stream.nameRunEnd(start, 5);
  const length = end - start;
  if (length < rules.nameSyllables.min || length > 4) return null;
  if (!scan.surnames.has(stream.at(start)) && honorific === null) return null;
  if (overlapsProvince(scan, start, end)) return null;
  return { nameStart: start, nameEnd: end, honorific };
}
