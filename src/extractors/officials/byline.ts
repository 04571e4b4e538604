/**
 * The official's byline: an article that ends with a name line and a title
 * line (`Đỗ Hữu Quyết` / `Giám đốc Sở TT&TT Thanh Hóa`) was written by that
 * official. Normalisation reads the two lines off (`doc.byline`); the title
 * line must be titles from its first word to its last. A byline without a
 * title line is the record's `author`, not an official.
 */
import type { Byline } from '../../normalize/index.js';
import type { Mention, Scan } from './mention.js';
import { parseTitles } from './title.js';

export const OFFICIAL_BYLINE = 'official-byline';

export function recogniseOfficialByline(scan: Scan, byline: Byline | null): Mention[] {
  if (!byline?.titleSpan) return [];
  const { stream } = scan;
  const titles = parseTitles(scan, stream.indexAt(byline.titleSpan[0]), 'capital');
  const last = titles.at(-1);
  if (!last || stream.end(last.end - 1) !== byline.titleSpan[1]) return [];
  const nameStart = stream.indexAt(byline.nameSpan[0]);
  const nameEnd = stream.indexAt(byline.nameSpan[1]);
  if (nameEnd - nameStart < scan.names.syllables.introduced.min) return [];
  return [{ rule: OFFICIAL_BYLINE, nameStart, nameEnd, honorific: null, titles }];
}
