/**
 * `npm run places-data`: regenerates `rules/places.units.json` from the shared
 * admin-units tables (../shared/data/admin-units by default), citing the
 * tables' source as their README states it.
 *
 *   node dist/tools/places-data.js [ADMIN_UNITS_DIR] [OUT_FILE]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildUnitsFile } from '../extractors/places/units-data.js';

const [dir = '../shared/data/admin-units', out = 'rules/places.units.json'] = process.argv.slice(2);

try {
  const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
  const readme = read('README.md');
  const source = readme.split(/^## /mu).find((section) => section.startsWith('Source\n'))?.slice('Source\n'.length).replace(/\s+/gu, ' ').trim();
  if (!source) throw new Error(`${path.join(dir, 'README.md')}: no "## Source" section`);
  const units = buildUnitsFile({ before: read('units-before-2025-07.tsv'), since: read('units-since-2025-07.tsv'), successors: read('commune-successors-2025-07.tsv') }, source);
  // One row per line: small, and a regeneration diffs by unit.
  const rows = (list: readonly unknown[]) => `[\n${list.map((r) => JSON.stringify(r)).join(',\n')}\n]`;
  const json = `{\n"$comment": ${JSON.stringify(units.$comment)},\n"source": ${JSON.stringify(units.source)},\n"resolutions": ${JSON.stringify(units.resolutions)},\n"districts": ${rows(units.districts)},\n"communes": ${rows(units.communes)},\n"wards": ${rows(units.wards)}\n}\n`;
  writeFileSync(out, json);
  process.stdout.write(`${out}: ${units.districts.length} districts, ${units.communes.length} communes before 1 July 2025; ${units.wards.length} since\n`);
} catch (error) {
  process.stderr.write(`places-data: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
