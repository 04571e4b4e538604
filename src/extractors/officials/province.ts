/**
 * The province of an official's office: the province named in the
 * organisation of the office (`Sở Y tế tỉnh Thái Nguyên`), else, when the
 * body is a province's (`Sở Y tế`, `UBND tỉnh`, `Tỉnh ủy`: a provincial head
 * or a place word in it), the province last named before the official in the
 * same paragraph (`Tại tỉnh Nghệ An, ông X, Chủ tịch UBND tỉnh`) or the
 * article's primary province, else none: a national
 * office (`Bộ trưởng Bộ Tài chính`, `Thủ tướng`) quoted in a provincial
 * article is not that province's.
 */
import type { Official } from './schema.js';
import type { Province } from '../provinces/schema.js';
import type { Span } from '../../model/entity.js';
import { firstWhere, plainStream, spanAt, type Doc } from '../../tokenize/index.js';
import type { Found } from '../types.js';
import type { OfficialRules } from './rules.js';

export function withProvince(officials: Found<Official>[], provinces: readonly Found<Province>[], doc: Pick<Doc, 'text' | 'lines'>, rules: OfficialRules): Found<Official>[] {
  const primary = provinces.find((p) => p.primary) ?? null;
  // each province with the forms it is written in, and every mention in text order
  const written = provinces.map((p) => ({ province: p, forms: [...new Set(p.spans.map(([s, e]) => doc.text.slice(s, e)))] }));
  const mentions = provinces.flatMap((p) => p.spans.map(([s]) => ({ province: p, at: s }))).sort((a, b) => a.at - b.at);
  return officials.map((official) => {
    const organization = official.organization;
    if (organization === null) return { ...official, province: null };
    const named = written.find((w) => w.forms.some((form) => organization.includes(form)))?.province;
    const province = named ?? (isProvincial(organization, rules) ? (lastBefore(official.spans[0]![0], mentions, doc.lines) ?? primary) : null);
    return { ...official, province: province && { name: province.name, code: province.code } };
  });
}

/** The province whose mention comes last before `at` in the same paragraph (a binary search among the mentions in text order). */
function lastBefore(at: number, mentions: ReadonlyArray<{ province: Found<Province>; at: number }>, lines: readonly Span[]): Found<Province> | null {
  const paragraph = spanAt(lines, at)?.[0] ?? at;
  const last = mentions[firstWhere(mentions, (m) => m.at >= at) - 1];
  return last && last.at >= paragraph ? last.province : null;
}

function isProvincial(organization: string, rules: OfficialRules): boolean {
  const stream = plainStream(organization);
  const head = rules.organizationHeads.match(stream, 0, 'capital');
  if (head && rules.provincialHeads.has(head.value)) return true;
  for (let i = 0; i < stream.length; i++) if (rules.placeWords.match(stream, i)) return true;
  return false;
}
