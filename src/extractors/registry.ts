/**
 * The registry of entity types: the one list of type modules. Every list of
 * types the program uses (the record's fields, the CSV columns, the report's
 * legend, the gold format, the scorer, the rule files read, `--only`) is
 * derived from it, and the order in which the extractors run follows from
 * what each module declares it needs.
 *
 * Adding a type: its folder under src/extractors, its rule file under rules/,
 * its corpus under fixtures/, and one line here.
 */
import { z } from 'zod';
import type { EntityType } from '../model/entity.js';
import { articleFields, provenanceFields, type ArticleRecord } from '../model/record.js';
import { textRules } from '../normalize/rules.js';
import { loadRuleFiles, SHIPPED_RULES_DIR, type LoadedRules } from '../rules/load.js';
import { nameRules } from '../rules/names.js';
import { datesModule } from './dates/index.js';
import { documentsModule } from './documents/index.js';
import { metricsModule } from './metrics/index.js';
import { officialsModule } from './officials/index.js';
import { placesModule } from './places/index.js';
import { provincesModule } from './provinces/index.js';
import type { AnyEntityModule, RulesView } from './types.js';

/** The types, in the order the record lists them. */
export const entityModules: readonly AnyEntityModule[] = [provincesModule, placesModule, officialsModule, documentsModule, datesModule, metricsModule] as readonly AnyEntityModule[];

export const ENTITY_TYPES: readonly EntityType[] = entityModules.map((m) => m.type);

/** Every rule file the pipeline reads, by name: the shared ones, then each type's. */
export const ruleSpecs = {
  text: textRules,
  names: nameRules,
  ...Object.fromEntries(entityModules.flatMap((m) => [[m.type, m.rules], ...Object.entries(m.extraRules ?? {})])),
};

/** The compiled rules of a run. */
export type Rules = RulesView<EntityType>;

/** The shipped rule files, with the user's rule directories (`--rules`) merged over them. */
export function loadRules(userDirs: readonly string[] = [], shippedDir = SHIPPED_RULES_DIR): LoadedRules<Rules> {
  return loadRuleFiles<Rules>(ruleSpecs, userDirs, shippedDir);
}

export function moduleOf(type: EntityType): AnyEntityModule {
  const found = entityModules.find((m) => m.type === type);
  if (!found) throw new Error(`no entity type ${type} is registered`);
  return found;
}

/** The record's schema: the article's fields, each type's list (and the fields it adds), then provenance. */
// The list is known at run time, the record's type through the modules' declarations: one cast joins them.
export const RecordSchema = z
  .object({
    ...articleFields,
    ...Object.fromEntries(entityModules.flatMap((m) => [[m.type, z.array(m.schema)], ...Object.entries(m.recordFields?.schema ?? {})])),
    ...provenanceFields,
  })
  .strict() as unknown as z.ZodType<ArticleRecord>;

/** The JSON Schema of a record, as `extract schema` prints it. */
export function recordJsonSchema(): unknown {
  return {
    $id: 'https://github.com/vn-news-extract/record.schema.json',
    title: 'Article record',
    ...z.toJSONSchema(RecordSchema, { target: 'draft-2020-12' }),
  };
}

/** What one run extracts and resolves, in order. */
export interface RunPlan {
  readonly extract: readonly AnyEntityModule[];
  readonly resolve: readonly AnyEntityModule[];
}

/**
 * The modules a run needs for the types it reports (`only`, else all) and for
 * `alwaysNeeded` (what the pipeline itself reads, e.g. to infer the
 * reference date): each reported type is resolved, and so is each type that
 * adds article-level fields to the record (`primaryProvince` is reported
 * whatever `--only` says), with the types their resolution needs; every one of those is extracted, with what its
 * extraction needs and what its resolution reads as extracted. Both lists are in dependency order, ties in registry order.
 */
export function planRun(only: readonly EntityType[] | undefined, alwaysNeeded: readonly EntityType[]): RunPlan {
  const reported = only ?? ENTITY_TYPES;
  const articleFields = entityModules.filter((m) => m.recordFields).map((m) => m.type);
  const resolved = closure([...reported, ...articleFields], (m) => m.resolve?.needs ?? []);
  const extracted = closure([...resolved, ...alwaysNeeded], (m) => [...m.needs, ...(m.resolve?.needs ?? []), ...(m.resolve?.reads ?? [])]);
  return {
    extract: ordered(extracted, (m) => m.needs),
    resolve: ordered(resolved, (m) => m.resolve?.needs ?? []).filter((m) => m.resolve),
  };
}

function closure(types: Iterable<EntityType>, edges: (m: AnyEntityModule) => readonly EntityType[]): Set<EntityType> {
  const out = new Set<EntityType>();
  const visit = (type: EntityType) => {
    if (out.has(type)) return;
    out.add(type);
    for (const next of edges(moduleOf(type))) visit(next);
  };
  for (const type of types) visit(type);
  return out;
}

/** The modules of `types`, each after those it depends on (Kahn's algorithm, ties in registry order). */
function ordered(types: ReadonlySet<EntityType>, edges: (m: AnyEntityModule) => readonly EntityType[]): AnyEntityModule[] {
  const out: AnyEntityModule[] = [];
  const done = new Set<EntityType>();
  const pending = entityModules.filter((m) => types.has(m.type));
  while (pending.length > 0) {
    const next = pending.findIndex((m) => edges(m).every((t) => done.has(t) || !types.has(t)));
    if (next < 0) throw new Error(`entity types depend on each other in a cycle: ${pending.map((m) => m.type).join(', ')}`);
    const [m] = pending.splice(next, 1);
    out.push(m!);
    done.add(m!.type);
  }
  return out;
}
