/**
 * A list of officials after a plural introduction: `Các đồng chí: Đỗ Trọng
 * Hưng, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh; Nguyễn
 * Huy Dũng, Ủy viên Ban Cán sự Đảng, Thứ trưởng Bộ ...`. Each item is a name
 * (after a rank or degree, if any: `Đại tá Trần Phú Hà`) and its titles; items are separated by `;` (or `,` / `và`), and the list
 * ends at the first item that is not a name with a title (`cùng các đại biểu`).
 */
import { titlesAfter } from './appositive.js';
import type { Mention, Scan } from './mention.js';

export const LIST_OF_OFFICIALS = 'list-of-officials';

export function recogniseListOfOfficials(scan: Scan): Mention[] {
  const { stream, rules } = scan;
  const out: Mention[] = [];
  for (let i = 0; i < stream.length; i++) {
    const intro = rules.listIntros.match(stream, i);
    if (!intro) continue;
    let j = stream.at(intro.end) === ':' ? intro.end + 1 : intro.end;
    for (;;) {
      for (let prefix = rules.namePrefixes.match(stream, j); prefix; prefix = rules.namePrefixes.match(stream, j)) j = prefix.end;
      const nameEnd = stream.nameRunEnd(j, scan.names.syllables.introduced.max + 1);
      const length = nameEnd - j;
      if (length < scan.names.syllables.introduced.min || length > scan.names.syllables.introduced.max || !stream.sameLine(j)) break;
      const titles = titlesAfter(scan, nameEnd);
      if (!titles.length) break;
      out.push({ rule: LIST_OF_OFFICIALS, nameStart: j, nameEnd, honorific: intro.value.honorific, titles });
      const after = titles.at(-1)!.end;
      if (!(stream.at(after) === ';' || stream.at(after) === ',' || rules.and.has(stream.at(after)))) break;
      j = after + 1;
    }
    i = j;
  }
  return out;
}
