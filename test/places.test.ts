import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { placeRules, type PlaceRules } from '../src/extractors/places/rules.js';
import { findPlaceMentions } from '../src/extractors/places/mentions.js';
import { resolvePlaces } from '../src/extractors/places/resolve.js';
import { buildUnitsFile, readUnitsFile } from '../src/extractors/places/units-data.js';
import { SyllableTrie } from '../src/extractors/places/trie.js';
import { normalizeCharacters } from '../src/normalize/index.js';
import { loadRules } from '../src/extractors/registry.js';
import { parseRuleYaml } from '../src/rules/parse.js';
import { loadSpec } from '../src/rules/spec.js';
import { plainStream } from '../src/tokenize/index.js';

const shipped = (name: string) => readFileSync(new URL(`../rules/${name}`, import.meta.url), 'utf8');
const places: PlaceRules = loadSpec(placeRules, parseRuleYaml('places.yaml', shipped('places.yaml'), 'shipped'), [], shipped('places.units.json')).compiled;
const { provinces } = loadRules().rules;

function mentions(input: string): string[] {
  const { text } = normalizeCharacters(input);
  return findPlaceMentions(plainStream(text), places).map((m) => `${text.slice(...m.span)} → ${m.units[0]!.name}`);
}

describe('place mentions', () => {
  it('a unit word or its abbreviation, then a name of that kind, in any case and tone style (the text is normalised first)', () => {
    expect(mentions('UBND huyện Cẩm Thuỷ, TP.Thanh Hoá, Q. Cầu Giấy, HUYỆN CAO LÃNH')).toEqual([
      'huyện Cẩm Thủy → Huyện Cẩm Thủy',
      'TP.Thanh Hóa → Thành phố Thanh Hóa',
      'Q. Cầu Giấy → Quận Cầu Giấy',
      'HUYỆN CAO LÃNH → Huyện Cao Lãnh',
    ]);
  });

  it('a list shares the unit word after `các`, a number or a colon, and only then', () => {
    expect(mentions('các xã Quảng Hợp, Quảng Thạch và Quảng Tân')).toHaveLength(3);
    expect(mentions('tại các huyện: Nga Sơn, Quảng Xương, Thiệu Hóa, Hà Trung.')).toHaveLength(4);
    expect(mentions('xã Mỹ Hội, Lai Vung')).toEqual(['xã Mỹ Hội → Xã Mỹ Hội']);
  });

  it('no lower-case name, no unit word inside a cooperative, no name broken by a line end', () => {
    expect(mentions('an sinh xã hội, phường hoàn thành')).toEqual([]);
    expect(mentions('Hợp tác xã Tân Phú và thôn Yên Lạc')).toEqual([]);
    expect(mentions('huyện Cao\nLãnh')).toEqual([]);
  });
});

describe('place resolution', () => {
  const resolve = (input: string, date: string, named: { before: string[]; since: string[] } = { before: [], since: [] }) => {
    const { text } = normalizeCharacters(input);
    return resolvePlaces(findPlaceMentions(plainStream(text), places), text, { date, named, provinces, places });
  };

  it('a commune right before its district is that district’s', () => {
    const [commune, district] = resolve('xã Mỹ Hội, huyện Cao Lãnh', '2024-12');
    expect(commune).toMatchObject({ name: 'Xã Mỹ Hội', code: '30109', province: { name: 'Đồng Tháp', code: '87' }, currentProvince: { name: 'Đồng Tháp', code: '82' } });
    expect(commune!.successors).toEqual([{ name: 'Xã Mỹ Thọ', code: '30076', share: 'whole', resolution: '1663/NQ-UBTVQH15' }]);
    expect(district).toMatchObject({ name: 'Huyện Cao Lãnh', level: 'district' });
  });

  it('a name of several provinces that nothing settles keeps province null and lists the candidates', () => {
    const [place] = resolve('xã Tân Phú', '2024-12');
    expect(place).toMatchObject({ name: 'Xã Tân Phú', code: null, province: null });
    expect(place!.candidates!.length).toBeGreaterThan(1);
    expect(resolve('xã Tân Phú', '2024-12', { before: ['40'], since: ['40'] })[0]).toMatchObject({ code: '17272', province: { name: 'Nghệ An', code: '40' } });
  });

  it('the article’s date picks the era of a name in both lists', () => {
    expect(resolve('phường Hồng Hà', '2025-09')[0]).toMatchObject({ era: 'since-2025-07-01', province: { name: 'Hà Nội', code: '01' } });
    expect(resolve('huyện Cao Lãnh', '2025-09')[0]).toMatchObject({ era: 'before-2025-07-01' });
  });
});

describe('units file', () => {
  const header = {
    before: 'province_code\tprovince\tdistrict_code\tdistrict\tcommune_code\tcommune\n',
    since: 'province_code\tprovince\tcommune_code\tcommune\n',
    successors: 'old_commune_code\told_commune\tshare\tnew_province_code\tnew_commune_code\tnew_commune\tresolution\n',
  };

  it('canonical names; a district whose rows swap its name with its commune’s is mended', () => {
    const units = buildUnitsFile(
      {
        before: `${header.before}91\tTỉnh Kiên Giang\t912\tXã An Sơn\t31114\tHuyện Kiên Hải\n29\tTỉnh X\t001\tThị Xã Hoà Bình\t00002\tXã Thuỷ An\n`,
        since: `${header.since}91\tTỉnh An Giang\t31108\tĐặc khu Kiên Hải\n`,
        successors: `${header.successors}31114\tXã An Sơn\twhole\t91\t31108\tĐặc khu Kiên Hải\t1654/NQ-UBTVQH15\n00002\tXã Thuỷ An\tpart\t91\t31108\tĐặc khu Kiên Hải\t\n`,
      },
      'test',
    );
    expect(units.districts.map((d) => d[1])).toEqual(['Huyện Kiên Hải', 'Thị xã Hòa Bình']);
    expect(units.communes).toEqual([
      ['31114', 'Xã An Sơn', '912', [['31108', 'whole', 0]]],
      ['00002', 'Xã Thủy An', '001', [['31108', 'part', null]]],
    ]);
  });

  it('a bad row is reported with its list and index', () => {
    const file = JSON.stringify({ $comment: '', source: '', resolutions: [], districts: [], communes: [['1', 'Xã A', '001', []]], wards: [] });
    expect(() => readUnitsFile(file)).toThrow(/communes\[0\]/);
  });
});

describe('syllable trie', () => {
  it('finds the longest name from a position', () => {
    const trie = new SyllableTrie<string>();
    trie.insert(['tân', 'phú'], 'short');
    trie.insert(['tân', 'phú', 'trung'], 'long');
    const keys = ['tân', 'phú', 'trung', 'x'];
    expect(trie.longest(0, (i) => keys[i] ?? null)).toEqual({ values: ['long'], end: 3 });
    expect(trie.longest(1, (i) => keys[i] ?? null)).toBeNull();
  });
});
