/**
 * The units file `rules/places.units.json`: both eras' units below the
 * province and the successors of each old commune, generated from the shared
 * admin-units tables by `npm run places-data` (src/tools/places-data.ts).
 *
 * Rows are arrays to keep the file small and quick to parse:
 *   districts: [code, name, province code, successors]      (before 1 July 2025)
 *   communes:  [code, name, district code, successors]      (before 1 July 2025)
 *   successors: [new commune code, share, index into `resolutions` or null]
 *              (a district has them only when it had no commune: island districts)
 *   wards:     [code, name, province code]                  (since 1 July 2025: xã, phường, đặc khu)
 * Names are canonical: NFC, new-style tone placement, the unit word first
 * with only its first letter capitalised (`Thị xã Mường Lay`).
 */
import { toTextForm } from '../../normalize/forms.js';

export type Share = 'whole' | 'part';
/** [new commune code, share, index into `resolutions` or null] */
export type Link = [string, Share, number | null];

export interface UnitsFile {
  $comment: string;
  source: string;
  resolutions: string[];
  districts: Array<[string, string, string, Link[]]>;
  communes: Array<[string, string, string, Link[]]>;
  wards: Array<[string, string, string]>;
}

const CODE = /^\d{2,5}$/u;

/**
 * The units file checked row by row (a zod schema of 14,000 tuples takes
 * most of a second; this takes milliseconds): the first bad row is reported
 * with its list and index.
 */
export function readUnitsFile(json: string): UnitsFile {
  const data = JSON.parse(json) as Record<string, unknown>;
  const fail = (where: string, what: string): never => {
    throw new Error(`places.units.json: ${where}: ${what}`);
  };
  const isCode = (v: unknown) => typeof v === 'string' && CODE.test(v);
  const isName = (v: unknown) => typeof v === 'string' && v.length > 0;
  for (const key of ['$comment', 'source'] as const) if (typeof data[key] !== 'string') fail(key, 'expected a string');
  const resolutions = data['resolutions'];
  if (!Array.isArray(resolutions) || !resolutions.every(isName)) fail('resolutions', 'expected a list of resolution symbols');
  const isLink = (l: unknown) =>
    Array.isArray(l) && l.length === 3 && isCode(l[0]) && (l[1] === 'whole' || l[1] === 'part') && (l[2] === null || (Number.isInteger(l[2]) && l[2] >= 0 && l[2] < (resolutions as unknown[]).length));
  const rows = (key: string, width: 3 | 4, minLinks: number) => {
    const list = data[key];
    if (!Array.isArray(list)) return fail(key, 'expected a list of rows');
    list.forEach((row: unknown, i) => {
      const ok = Array.isArray(row) && row.length === width && isCode(row[0]) && isName(row[1]) && isCode(row[2]) && (width === 3 || (Array.isArray(row[3]) && row[3].length >= minLinks && row[3].every(isLink)));
      if (!ok) fail(`${key}[${i}]`, `expected [code, name, code${width === 4 ? ', successors' : ''}], got ${JSON.stringify(row)}`);
    });
  };
  rows('districts', 4, 0);
  rows('communes', 4, 1);
  rows('wards', 3, 0);
  return data as unknown as UnitsFile;
}



/** The unit words the tables use, in canonical case; a name begins with one of them. */
export const UNIT_WORDS = ['Thành phố', 'Thị xã', 'Thị trấn', 'Đặc khu', 'Huyện', 'Quận', 'Xã', 'Phường'] as const;
export type UnitWord = (typeof UNIT_WORDS)[number];

/** `name` split into its unit word and the rest, or null when it begins with none. */
export function splitUnitWord(name: string): { word: UnitWord; rest: string } | null {
  const word = UNIT_WORDS.find((w) => name.length > w.length && name.charAt(w.length) === ' ' && name.slice(0, w.length).toLowerCase() === w.toLowerCase());
  return word ? { word, rest: name.slice(word.length + 1).trim() } : null;
}

/** A table's name in canonical form: text form, unit word in canonical case (`Thị Xã Buôn Hồ` → `Thị xã Buôn Hồ`). */
export function canonicalName(name: string): string {
  const form = toTextForm(name).replace(/\s+/gu, ' ').trim();
  const split = splitUnitWord(form);
  if (!split) throw new Error(`"${name}" does not begin with a unit word (${UNIT_WORDS.join(', ')})`);
  return `${split.word} ${split.rest}`;
}

type Row = Record<string, string>;

/** Rows of a tab-separated table with a header row. */
function readTable(text: string, table: string, columns: readonly string[]): Row[] {
  const lines = text.replace(/^\uFEFF/u, '').split(/\r?\n/u).filter((l) => l.length > 0);
  const header = (lines[0] ?? '').split('\t');
  for (const c of columns) if (!header.includes(c)) throw new Error(`${table}: no column "${c}" in the header`);
  return lines.slice(1).map((line, i) => {
    const cells = line.split('\t');
    if (cells.length !== header.length) throw new Error(`${table}:${i + 2}: ${cells.length} cells, the header has ${header.length}`);
    return Object.fromEntries(header.map((h, k) => [h, cells[k]!]));
  });
}

/**
 * The units file from the three shared tables. One quirk of the source is
 * mended: an island district whose rows give the commune's name as the
 * district's and the district's as the commune's (Huyện Kiên Hải).
 */
export function buildUnitsFile(tables: { before: string; since: string; successors: string }, source: string): UnitsFile {
  const before = readTable(tables.before, 'units-before-2025-07.tsv', ['province_code', 'district_code', 'district', 'commune_code', 'commune']);
  const since = readTable(tables.since, 'units-since-2025-07.tsv', ['province_code', 'commune_code', 'commune']);
  const links = readTable(tables.successors, 'commune-successors-2025-07.tsv', ['old_commune_code', 'share', 'new_commune_code', 'resolution']);

  const wards = new Map<string, UnitsFile['wards'][number]>();
  for (const r of since) {
    if (wards.has(r['commune_code']!)) throw new Error(`units-since-2025-07.tsv: commune code ${r['commune_code']} twice`);
    wards.set(r['commune_code']!, [r['commune_code']!, canonicalName(r['commune']!), r['province_code']!]);
  }

  const resolutions: string[] = [];
  const successors = new Map<string, UnitsFile['communes'][number][3]>(); // by old commune code, or district code for a district without communes
  for (const r of links) {
    if (!wards.has(r['new_commune_code']!)) throw new Error(`commune-successors-2025-07.tsv: new commune ${r['new_commune_code']} is not in units-since-2025-07.tsv`);
    const resolution = r['resolution']!;
    let k: number | null = resolution === '' ? null : resolutions.indexOf(resolution);
    if (k === -1) k = resolutions.push(resolution) - 1;
    const list = successors.get(r['old_commune_code']!) ?? [];
    const share = r['share'];
    if (share !== 'whole' && share !== 'part') throw new Error(`commune-successors-2025-07.tsv: share "${share}" is neither whole nor part`);
    list.push([r['new_commune_code']!, share, k]);
    successors.set(r['old_commune_code']!, list);
  }

  const districts = new Map<string, UnitsFile['districts'][number]>();
  const communes: UnitsFile['communes'] = [];
  for (const r of before) {
    let district = r['district']!;
    let commune = r['commune']!;
    if (/^xã /iu.test(district) && /^huyện /iu.test(commune)) [district, commune] = [commune, district];
    if (!districts.has(r['district_code']!)) districts.set(r['district_code']!, [r['district_code']!, canonicalName(district), r['province_code']!, successors.get(r['district_code']!) ?? []]);
    if (commune === '') continue;
    const next = successors.get(r['commune_code']!);
    if (!next) throw new Error(`units-before-2025-07.tsv: commune ${r['commune_code']} has no successor`);
    communes.push([r['commune_code']!, canonicalName(commune), r['district_code']!, next]);
  }

  return {
    $comment: 'Generated by `npm run places-data` from ../shared/data/admin-units; do not edit by hand.',
    source,
    resolutions,
    districts: [...districts.values()],
    communes,
    wards: [...wards.values()],
  };
}
