/**
 * The registry is the one list of entity types: every other list derives
 * from it, the run order follows from what modules declare, and `--only`
 * runs a type and what it needs, nothing else.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entityModules, ENTITY_TYPES, planRun, RecordSchema } from '../src/extractors/registry.js';
import { GoldSchema } from '../src/eval/gold.js';
import { REFERENCE_DATE_NEEDS } from '../src/resolve/reference-date.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const REGISTRY = path.join('src', 'extractors', 'registry.ts');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    return statSync(path.join(ROOT, rel)).isDirectory() ? sourceFiles(rel) : /\.(ts|mjs|js)$/.test(name) ? [rel] : [];
  });
}

/**
 * Bracketed lists and unions that name every entity type as strings, or all
 * but one (a copy made before the newest type was added). A module's own
 * `needs` names a few types and is not a copy.
 */
export function typeLists(source: string): string[] {
  const quoted = new RegExp(`(['"\`])(${ENTITY_TYPES.join('|')})\\1`, 'g');
  const candidates = [...source.matchAll(/\[[^[\]]*\]/g), ...source.matchAll(/(?:(['"])[a-z]+\1\s*\|\s*)+(['"])[a-z]+\2/g)].map((m) => m[0]);
  const copy = Math.max(3, ENTITY_TYPES.length - 1);
  return candidates.filter((c) => new Set([...c.matchAll(quoted)].map((m) => m[2])).size >= copy);
}

describe('the registry', () => {
  it('is the only place that lists the entity types', () => {
    const offenders = [...sourceFiles('src'), ...sourceFiles('test')]
      .filter((f) => f !== REGISTRY)
      .flatMap((f) => typeLists(readFileSync(path.join(ROOT, f), 'utf8')).map((list) => `${f}: ${list.slice(0, 80)}`));
    expect(offenders).toEqual([]);
  });

  it('the search for lists finds one where it is written', () => {
    const quote = (types: readonly string[], q: string) => types.map((t) => `${q}${t}${q}`);
    expect(typeLists(`const t = [${quote(ENTITY_TYPES, "'").join(', ')}];`)).toHaveLength(1);
    expect(typeLists(`const t = [${quote(ENTITY_TYPES.slice(1), '"').join(', ')}] as const;`)).toHaveLength(1);
    expect(typeLists(`type T = ${quote(ENTITY_TYPES, "'").join(' | ')};`)).toHaveLength(1);
    expect(typeLists(`needs: [${quote(ENTITY_TYPES.slice(0, 2), "'").join(', ')}]`)).toEqual([]);
  });

  it('derives the record schema and the gold format from the modules', () => {
    const recordKeys = Object.keys((RecordSchema as unknown as { shape: object }).shape);
    const goldKeys = Object.keys((GoldSchema as unknown as { shape: object }).shape);
    for (const type of ENTITY_TYPES) {
      expect(recordKeys).toContain(type);
      expect(goldKeys).toContain(type);
    }
  });

  it('runs every type after the types it needs', () => {
    const { extract, resolve } = planRun(undefined, REFERENCE_DATE_NEEDS);
    expect(extract.map((m) => m.type).sort()).toEqual([...ENTITY_TYPES].sort());
    for (const [order, needs] of [[extract, (m: (typeof entityModules)[number]) => m.needs], [resolve, (m: (typeof entityModules)[number]) => m.resolve?.needs ?? []]] as const) {
      const position = new Map(order.map((m, i) => [m.type, i]));
      for (const m of order) for (const need of needs(m)) expect(position.get(need), `${m.type} after ${need}`).toBeLessThan(position.get(m.type)!);
    }
  });

  it('--only runs a type and what it needs, nothing else', () => {
    for (const type of ENTITY_TYPES) {
      const plan = planRun([type], REFERENCE_DATE_NEEDS);
      const run = new Set(plan.extract.map((m) => m.type));
      expect(run.has(type)).toBe(true);
      const module = entityModules.find((m) => m.type === type)!;
      for (const need of [...module.needs, ...(module.resolve?.needs ?? []), ...REFERENCE_DATE_NEEDS]) expect(run.has(need)).toBe(true);
    }
    const plan = planRun(['documents'], REFERENCE_DATE_NEEDS);
    const run = plan.extract.map((m) => m.type);
    expect(run.length).toBeLessThan(ENTITY_TYPES.length);
    const skipped = ENTITY_TYPES.filter((t) => !run.includes(t));
    for (const m of plan.extract) for (const need of [...m.needs, ...(m.resolve?.needs ?? [])]) expect(skipped).not.toContain(need);
  });
});
