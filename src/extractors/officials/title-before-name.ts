/**
 * A title written before the name: `Phó Chủ tịch nước Nguyễn Lương Bằng`,
 * `Giám đốc Sở TT&TT Hải Dương Nguyễn Cao Thắng`, `Thủ tướng Phạm Minh
 * Chính`, and with an honorific or rank between them: `Giám đốc Sở TT&TT,
 * ông Đỗ Hữu Quyết`, `Bộ trưởng Bộ Công an, Đại tướng Tô Lâm`. Titles
 * separated by commas before the name are all the person's: `Phó Bí thư
 * Tỉnh ủy, Chủ tịch UBND tỉnh Đỗ Minh Tuấn`. The office must begin with a capital. Where the name begins
 * inside the capitalised tail of the organisation is settled by
 * `trailingName` (vntk word starts, surnames, province names).
 */
import { introducerAt, overlapsProvince, trailingName, type Mention, type Scan } from './mention.js';
import { parseTitle } from './title.js';
import type { Title } from './mention.js';

export const TITLE_THEN_NAME = 'title-then-name';

export function recogniseTitleThenName(scan: Scan): Mention[] {
  const { stream } = scan;
  const out: Mention[] = [];
  let chain: Title[] = [];
  for (let i = 0; i < stream.length; i++) {
    const title = parseTitle(scan, i, 'capital');
    if (!title) continue;
    const last = chain.at(-1);
    chain = last && last.end + 1 === title.start && scan.rules.titleJoiners.has(stream.at(last.end)) ? [...chain, title] : [title];
    const earlier = chain.slice(0, -1);
    const split = trailingName(scan, title);
    if (split !== null) {
      // `Đồng chí Chủ tịch UBND tỉnh Đỗ Minh Tuấn`: an honorific before the titles is the person's.
      const honorific = scan.rules.honorifics.matchEndingAt(stream, chain[0]!.start)?.value.honorific ?? null;
      out.push({ rule: TITLE_THEN_NAME, nameStart: split, nameEnd: title.end, honorific, titles: [...earlier, { ...title, end: split }] });
    } else {
      const name = nameAfter(scan, title.end);
      if (name) out.push({ rule: TITLE_THEN_NAME, ...name, titles: chain });
    }
    i = title.end - 1;
  }
  return out;
}

/** `Thủ tướng Phạm Minh Chính` or `..., ông Đỗ Hữu Quyết` right after a title ending at token j. */
function nameAfter(scan: Scan, j: number): Pick<Mention, 'nameStart' | 'nameEnd' | 'honorific'> | null {
  const { stream, names } = scan;
  const comma = stream.at(j) === ',' && stream.sameLine(j) ? j + 1 : j;
  const introducer = stream.sameLine(comma) ? introducerAt(scan, comma) : null;
  const start = introducer?.nameStart ?? j;
  const honorific = introducer?.honorific ?? null;
  if (!stream.sameLine(start) || !stream.spaced(start)) return null;
  const end = stream.nameRunEnd(start, names.syllables.bare.max + 1);
  const length = end - start;
  if (length < names.syllables.bare.min || length > names.syllables.bare.max) return null;
  if (!names.surnames.has(stream.at(start)) && !introducer) return null;
  if (overlapsProvince(scan, start, end)) return null;
  return { nameStart: start, nameEnd: end, honorific };
}
