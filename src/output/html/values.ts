/**
 * What the report says about an entity or a gold item, as its type's module
 * words it: its normalised value (`2024-12-27`, `06-NQ/TU`,
 * `Thanh Hóa → Thanh Hóa (38)`), the details the entity table shows, and the
 * texts a missed gold item can be found by.
 */
import { moduleOf } from '../../extractors/registry.js';
import type { EntityOf, EntityType } from '../../model/entity.js';

export type Entity = EntityOf<EntityType>;

export function entityValue(type: EntityType, entity: Entity): string {
  return moduleOf(type).html.value(entity);
}

/** The tip a mark shows on hover: the value, and what the type adds (what became of a place on 1 July 2025). */
export function entityTip(type: EntityType, entity: Entity): string {
  const { html } = moduleOf(type);
  return html.value(entity) + (html.tip?.(entity) ?? '');
}

/** Secondary fields as `label: value` pairs, empty ones left out. */
export function entityDetails(type: EntityType, entity: Entity): Array<[string, string]> {
  return moduleOf(type)
    .html.details(entity)
    .filter((f): f is [string, string] => typeof f[1] === 'string' && f[1] !== '');
}

/** A missed gold item's value, and the texts that may locate it in the article (most specific first). */
export function goldValue(type: EntityType, item: unknown): { value: string; texts: string[] } {
  return moduleOf(type).gold.describe(item);
}
