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
import { plainStream } from '../../tokenize/index.js';
import type { Found } from '../types.js';
import type { OfficialRules } from './rules.js';

export function withProvince(officials: Found<Official>[], provinces: readonly Found<Province>[], text: string, rules: OfficialRules): Found<Official>[] {
  const primary = provinces.find((p) => p.primary) ?? null;
  return officials.map((official) => {
    const organization = official.organization;
    if (organization === null) return { ...official, province: null };
    const named = provinces.find((p) => p.spans.some(([s, e]) => organization.includes(text.slice(s, e))));
    const province = named ?? (isProvincial(organization, rules) ? (lastBefore(official.spans[0]![0], provinces, text) ?? primary) : null);
    return { ...official, province: province && { name: province.name, code: province.code } };
  });
}

/** The province whose mention comes last before `at` in the same paragraph. */
function lastBefore(at: number, provinces: readonly Found<Province>[], text: string): Found<Province> | null {
  const paragraph = text.lastIndexOf('\n', at - 1) + 1;
  let best: { province: Found<Province>; at: number } | null = null;
  for (const p of provinces) {
    for (const [s] of p.spans) if (s >= paragraph && s < at && (!best || s > best.at)) best = { province: p, at: s };
  }
  return best?.province ?? null;
}

function isProvincial(organization: string, rules: OfficialRules): boolean {
  const stream = plainStream(organization);
  const head = rules.organizationHeads.match(stream, 0, 'capital');
  if (head && rules.provincialHeads.has(head.value)) return true;
  for (let i = 0; i < stream.length; i++) if (rules.placeWords.match(stream, i)) return true;
  return false;
}
