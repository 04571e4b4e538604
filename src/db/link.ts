/**
 * What makes two articles' entities one thing in the fact base: the keys of
 * places and facts, and when two officials of the same name are one person
 * (a title of one is a title of the other, or a more precise form of it:
 * `Giám đốc Sở Y tế` and `Giám đốc Sở Y tế tỉnh Thanh Hóa`, but not
 * `Phó Giám đốc Sở Y tế`).
 */
import type { LoadableMetric } from './record.js';

/** A title compared as text: NFC, lower case, single spaces. */
export function titleKey(title: string): string {
  return title.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
}

/** Whether two title keys may name the same office: equal, or one is the other followed by more words. */
export function titleKeysCompatible(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b} `) || b.startsWith(`${a} `);
}

/** Whether an official with titles `a` may be the one with titles `b`: a title in common, or no title to tell them apart. */
export function titleSetsCompatible(a: Iterable<string>, b: Iterable<string>): boolean {
  const left = [...a];
  const right = [...b];
  if (left.length === 0 || right.length === 0) return true;
  return left.some((x) => right.some((y) => titleKeysCompatible(x, y)));
}

/** A place is its statistics code where it has one, else its name within its province. */
export function placeKey(place: { name: string; code?: string | null | undefined; province?: { code?: string | null | undefined } | null | undefined }): string {
  return place.code ?? `${place.name}|${place.province?.code ?? ''}`;
}

/** A metric's place as part of a fact's key: its level and code, else its name. */
export function metricPlaceKey(place: LoadableMetric['place']): string | null {
  return place ? `${place.level ?? ''}:${place.code ?? place.name}` : null;
}

/** The fact a metric reports a value of: (indicator id, place, period), or null without an indicator id. */
export function factKey(metric: LoadableMetric): string | null {
  if (!metric.indicatorId) return null;
  return JSON.stringify([metric.indicatorId, metricPlaceKey(metric.place), metric.period?.value ?? null]);
}
