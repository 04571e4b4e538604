/**
 * What the report says about an entity or a gold item: its normalised value
 * (`2024-12-27`, `838000000000 VND`, `06-NQ/TU`, `Thanh Hóa → Thanh Hóa (38)`),
 * the details the entity table shows, and the texts a gold item can be found by.
 */
import type { DateEntity, Document, EntityType, Metric, Official, Place, Province } from '../schema.js';

export type Entity = Province | Place | Official | Document | DateEntity | Metric;

export function entityValue(type: EntityType, entity: Entity): string {
  switch (type) {
    case 'provinces': {
      const p = entity as Province;
      return `${p.name} → ${p.current.name} (${p.current.code})`;
    }
    case 'places': {
      const p = entity as Place;
      return `${p.name} → ${p.province?.name ?? p.candidates?.map((c) => c.name).join(' / ') ?? '?'}`;
    }
    case 'officials':
      return (entity as Official).name;
    case 'documents':
      return (entity as Document).id;
    case 'dates': {
      const d = entity as DateEntity;
      return d.mod ? `${d.value} (${d.mod})` : d.value;
    }
    case 'metrics': {
      const m = entity as Metric;
      return `${m.value}${m.max !== undefined ? `–${m.max}` : ''}${m.of !== undefined ? `/${m.of}` : ''} ${m.unit}`;
    }
  }
}

/** What became of a place on 1 July 2025: an old commune's successors, an old unit's province. */
function placeSuccession(p: Place): string | null {
  const successors = p.successors?.map((s) => `${s.name} (${s.code}${s.share === 'part' ? ', part' : ''})`).join(', ');
  const province = p.currentProvince ? `${p.currentProvince.name} (${p.currentProvince.code})` : null;
  return [successors, province].filter(Boolean).join(' in ') || null;
}

/** The tip a mark shows on hover: the value, and for a place what it became on 1 July 2025. */
export function entityTip(type: EntityType, entity: Entity): string {
  const value = entityValue(type, entity);
  const succession = type === 'places' ? placeSuccession(entity as Place) : null;
  return succession ? `${value}; since 1 July 2025: ${succession}` : value;
}

/** Secondary fields as `label: value` pairs, empty ones left out. */
export function entityDetails(type: EntityType, entity: Entity): Array<[string, string]> {
  const fields: Array<[string, unknown]> = (() => {
    switch (type) {
      case 'provinces': {
        const p = entity as Province;
        return [['code', p.code], ['primary', p.primary ? 'yes' : null], ['implied', p.implied ? 'by its places' : null]];
      }
      case 'places': {
        const p = entity as Place;
        return [['code', p.code], ['level', p.level], ['era', p.era], ['since 1 July 2025', placeSuccession(p)]];
      }
      case 'officials': {
        const o = entity as Official;
        return [['honorific', o.honorific], ['titles', o.titles.join('; ')]];
      }
      case 'documents': {
        const d = entity as Document;
        return [['type', d.type], ['issuer', d.issuer], ['date', d.date], ['subject', d.subject], ['written', d.written.join(', ')]];
      }
      case 'dates': {
        const d = entity as DateEntity;
        return [['grain', d.grain], ['from', d.start], ['to', d.end]];
      }
      case 'metrics': {
        const m = entity as Metric;
        return [['kind', m.kind], ['indicator', m.indicator], ['qualifier', m.qualifier], ['direction', m.direction], ['compared to', m.compared_to]];
      }
    }
  })();
  return fields.filter((f): f is [string, string] => typeof f[1] === 'string' && f[1] !== '');
}

/** A gold item as scoring sees it (shared/spec/GOLD_FORMAT.md), read loosely: the fields differ by type. */
interface GoldItem {
  name?: string;
  text?: string;
  value?: string | number;
  unit?: string | readonly string[];
  id?: string | readonly string[];
  written?: readonly string[];
  titles?: readonly string[];
}

const oneOf = (v: string | readonly string[] | undefined) => (v === undefined ? [] : typeof v === 'string' ? [v] : [...v]);

/** A missed gold item's value, and the texts that may locate it in the article (most specific first). */
export function goldValue(type: EntityType, item: unknown): { value: string; texts: string[] } {
  const g = item as GoldItem;
  switch (type) {
    case 'provinces':
    case 'places':
    case 'officials':
      return { value: g.name ?? '?', texts: oneOf(g.name) };
    case 'documents':
      return { value: oneOf(g.id).join(' or '), texts: [...oneOf(g.written), ...oneOf(g.id)] };
    case 'dates':
      return { value: String(g.value), texts: oneOf(g.text) };
    case 'metrics':
      return { value: `${g.value} ${oneOf(g.unit).join(' or ')}`, texts: oneOf(g.text) };
  }
}
