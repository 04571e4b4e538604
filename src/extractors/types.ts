/**
 * The contract of an entity type: one module declares everything about its
 * type, and the registry (./registry.ts) lists the modules.
 *
 * An extractor recognises its type in a tokenized article. Entities are built
 * with spans into the normalised text (`spans`); the record stage maps them
 * back to the input and adds `text` and `span`. A module declares the types
 * whose findings it reads (`needs`) and sees only those, typed; the run order
 * follows from the declarations. Its optional `resolve` step runs once the
 * reference date is known, after the `resolve` steps of the types it names.
 */
import type { z } from 'zod';
import type { EntityOf, EntityType, ExtraRulesOf, FieldsOf, Found, FoundOf, RulesOf } from '../model/entity.js';
import type { ArticleRecord, ReferenceDate, ReferenceSource, Warning } from '../model/record.js';
import type { RuleSpec } from '../rules/spec.js';
import type { NameRules } from '../rules/names.js';
import type { TextRules } from '../normalize/rules.js';
import type { Doc } from '../tokenize/index.js';
import type { Figures, TypeResult } from '../eval/match.js';

export type { Found } from '../model/entity.js';
export type { ReferenceDate } from '../model/record.js';

export interface PipelineOptions {
  /** `--ref-date` or the date field of a JSON Lines input, ISO `YYYY-MM[-DD]`. */
  referenceDate?: { value: string; source: Extract<ReferenceSource, 'option' | 'input'> };
}

/** Rule files every extractor may read: the text's and personal names'. */
export interface SharedRules {
  readonly text: TextRules;
  readonly names: NameRules;
}

type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** The rules a module sees: the shared ones, its own and those of the types it needs, each with its extra rule files. */
export type RulesView<K extends EntityType> = SharedRules & { readonly [T in K]: RulesOf<T> } & Intersection<{ [T in K]: ExtraRulesOf<T> }[K]>;

export interface ExtractContext<K extends EntityType = never, N extends EntityType = never> {
  readonly doc: Doc;
  /** Every rule file: vocabulary is static, so any type's may be read (places read province names). */
  readonly rules: RulesView<EntityType>;
  /** What the types this module (of type `K`) declared found. */
  readonly found: FoundOf<N>;
  readonly options: PipelineOptions;
  warn(warning: Warning): void;
}

export interface ResolveContext<K extends EntityType = never, N extends EntityType = never> extends ExtractContext<K, N> {
  readonly referenceDate: ReferenceDate;
}

/** How the CSV writer shows an entity: its columns, and their cells. */
export interface CsvColumns<E> {
  readonly columns: readonly string[];
  cells(entity: E): Record<string, unknown>;
}

/** How the HTML report shows an entity. */
export interface HtmlView<E> {
  /** Singular label shown after each mark and in the legend. */
  readonly label: string;
  /** Highlight behind the article text, and the label badge's background (both WCAG AA with the report's text colours). */
  readonly background: string;
  readonly accent: string;
  /** The normalised value shown on hover (`2024-12-27`, `06-NQ/TU`). */
  value(entity: E): string;
  /** What the hover shows after the value, if more (a place's successors). */
  tip?(entity: E): string;
  /** Secondary fields as label/value pairs; empty ones are left out. */
  details(entity: E): Array<[string, unknown]>;
}

/** The type's part of a gold file and how predictions are scored against it. */
export interface GoldView<K extends EntityType, G> {
  /** Zod schema of the type's field in a gold file. */
  readonly schema: z.ZodType<G>;
  /** Matches the record's entities against the gold items, adding secondary figures. */
  score(gold: G, record: ArticleRecord, figures: Figures, rules: RulesView<EntityType>): TypeResult<unknown, EntityOf<K>>;
  /** A missed gold item's value, and the texts that may locate it in the article (most specific first). */
  describe(item: unknown): { value: string; texts: string[] };
}

/** Article-level fields a type derives from its entities, written right after its list. */
export interface RecordFields<K extends EntityType> {
  readonly schema: z.ZodRawShape;
  of(entities: readonly EntityOf<K>[]): FieldsOf<K>;
}

export interface EntityModule<K extends EntityType, N extends EntityType = never, RN extends EntityType = never, RR extends EntityType = never, G = unknown> {
  readonly type: K;
  /** Zod schema of the published entity. */
  readonly schema: z.ZodType<EntityOf<K>> & z.ZodObject<z.ZodRawShape>;
  /** The type's rule file, `rules/<type>.yaml`. */
  readonly rules: RuleSpec<{ $schema: string }, RulesOf<K>>;
  /** Further rule files of the type, by name (metrics' `indicators.yaml`). */
  readonly extraRules?: { readonly [name: string]: RuleSpec<{ $schema: string }, unknown> };
  /** Types whose extracted entities `extract` reads. */
  readonly needs: readonly N[];
  extract(ctx: ExtractContext<K, N>): Found<EntityOf<K>>[];
  /**
   * Once the reference date is known, after the resolve steps of the types
   * it `needs`: sees those types resolved, and the types `extract` needs and
   * those it `reads` as they were extracted.
   */
  readonly resolve?: {
    readonly needs: readonly RN[];
    readonly reads?: readonly RR[];
    run(entities: Found<EntityOf<K>>[], ctx: ResolveContext<K, N | RN | RR>): Found<EntityOf<K>>[];
  };
  readonly recordFields?: RecordFields<K>;
  readonly csv: CsvColumns<EntityOf<K>>;
  readonly html: HtmlView<EntityOf<K>>;
  readonly gold: GoldView<K, G>;
}

/** A module of any type, as the registry holds them. */
// The registry only calls a module with the context of its own declared types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyEntityModule = EntityModule<EntityType, EntityType, EntityType, EntityType, any>;

