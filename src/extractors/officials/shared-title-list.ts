/**
 * A title shared by a list of names after its colon: `các Phó Chủ tịch UBND
 * tỉnh: Nguyễn Văn An, Trần Thị Bình và Lê Minh Châu`. The title follows a
 * plural word (`các`, `hai`) or a list introduction (`các đồng chí`); each
 * name begins with a surname, and the names are separated by `,` or `và`.
 */
import { personNameEnd } from '../../tokenize/person-names.js';
import type { Mention, Scan } from './mention.js';
import { parseTitle } from './title.js';

export const SHARED_TITLE_LIST = 'shared-title-list';

export function recogniseSharedTitleList(scan: Scan): Mention[] {
  const { stream, rules } = scan;
  const out: Mention[] = [];
  for (let i = 0; i < stream.length; i++) {
    const intro = rules.sharedTitleIntros.match(stream, i) ?? rules.listIntros.match(stream, i);
    if (!intro || !stream.sameLine(intro.end)) continue;
    const title = parseTitle(scan, intro.end, 'capital');
    if (!title || stream.at(title.end) !== ':' || !stream.sameLine(title.end)) continue;
    let j = title.end + 1;
    for (;;) {
      const nameEnd = personNameEnd(stream, j, scan.names, scan.names.syllables.introduced);
      if (!stream.sameLine(j) || nameEnd === null) break;
      out.push({ rule: SHARED_TITLE_LIST, nameStart: j, nameEnd, honorific: null, titles: [title] });
      if (!(stream.at(nameEnd) === ',' || rules.and.has(stream.at(nameEnd)))) break;
      j = nameEnd + 1;
    }
    i = j - 1;
  }
  return out;
}
