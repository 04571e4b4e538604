/**
 * The qualifier before a number: `hơn`/`trên` (more_than), `gần` (nearly),
 * `khoảng` (about), `ước đạt` (estimated), `tối thiểu` (at_least), ... A
 * qualifier may stand a few filler words away (`ước đạt bình quân 108`); it
 * is part of the mention only when it stands right before the number. A few
 * come after the number and its unit instead (`từ 12% trở lên`: at_least).
 */
import type { Metric } from './schema.js';
import { execAtEnd } from '../../rules/pattern.js';
import type { MetricRules } from './rules.js';

/** How far before a number a cue (qualifier, change verb, rank) with its filler words may begin, in code units. */
export const CUE_WINDOW = 200;

export interface QualifierReading {
  value: NonNullable<Metric['qualifier']>;
  /** Offset of the qualifier in `before`. */
  start: number;
  /** Whether it stands right before the number (no filler between). */
  adjacent: boolean;
}

/** A qualifier right after the number and its unit, with its length (part of the mention). */
export function readQualifierAfter(after: string, rules: MetricRules): { value: NonNullable<Metric['qualifier']>; length: number } | null {
  const m = rules.qualifierAfter?.exec(after);
  const value = m && rules.qualifierAfterValue(m.groups!['form']!);
  return value ? { value, length: m[0].length } : null;
}

export function readQualifier(before: string, rules: MetricRules): QualifierReading | null {
  const m = execAtEnd(rules.qualifier, before, CUE_WINDOW);
  if (!m) return null;
  const value = rules.qualifierValue(m.groups!['q']!);
  if (!value) return null;
  return { value, start: m.index, adjacent: m.groups!['fill'] === '' };
}
