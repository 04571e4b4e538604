/**
 * The province of an official's office: the province named in the
 * organisation of the office (`Sở Y tế tỉnh Thái Nguyên`), else the article's
 * primary province when the body is a province's (`Sở Y tế`, `UBND tỉnh`,
 * `Tỉnh ủy`: a provincial head or a place word in it), else none: a national
 * office (`Bộ trưởng Bộ Tài chính`, `Thủ tướng`) quoted in a provincial
 * article is not that province's.
 */
import type { Official, Province } from '../../output/schema.js';
import { syllables } from '../../tokenize/index.js';
import type { Found } from '../types.js';
import type { OfficialRules } from './rules.js';
import { NO_WORDS, TokenStream } from './stream.js';

export function withProvince(officials: Found<Official>[], provinces: readonly Found<Province>[], text: string, rules: OfficialRules): Found<Official>[] {
  const primary = provinces.find((p) => p.primary) ?? null;
  return officials.map((official) => {
    const organization = official.organization;
    if (organization === null) return { ...official, province: null };
    const named = provinces.find((p) => p.spans.some(([s, e]) => organization.includes(text.slice(s, e))));
    const province = named ?? (primary && isProvincial(organization, rules) ? primary : null);
    return { ...official, province: province && { name: province.name, code: province.code } };
  });
}

function isProvincial(organization: string, rules: OfficialRules): boolean {
  const stream = new TokenStream(organization, syllables(organization), NO_WORDS);
  const head = rules.organizationHeads.match(stream, 0, 'capital');
  if (head && rules.provincialHeads.has(head.value)) return true;
  for (let i = 0; i < stream.length; i++) if (rules.placeWords.match(stream, i)) return true;
  return false;
}
