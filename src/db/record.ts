/**
 * The records the fact base loads: the JSON the pipeline emits, read
 * leniently. Fields other parts of the extractor are adding (places, a
 * metric's indicator id, period and place, implied provinces) are loaded when
 * present and are null when absent; fields this loader does not know are
 * ignored, so records of a newer extractor still load.
 */
import { z } from 'zod';

const span = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
const unit = z.object({ name: z.string(), code: z.string().nullable().optional() });
/** What every entity carries; an implied province has no text and no spans. */
const mention = {
  text: z.string().nullish(),
  spans: z.array(span).default([]),
  rule: z.string().nullish(),
};

const province = z.object({
  ...mention,
  name: z.string(),
  code: z.string(),
  era: z.string().nullish(),
  mentions: z.number().int().nullish(),
  primary: z.boolean().nullish(),
  implied: z.boolean().nullish(),
});

const place = z.object({
  ...mention,
  name: z.string(),
  level: z.string().nullish(),
  code: z.string().nullish(),
  era: z.string().nullish(),
  province: unit.nullish(),
  candidates: z.array(unit).nullish(),
  successors: z.array(z.object({ name: z.string(), code: z.string().nullish(), share: z.string().nullish(), resolution: z.string().nullish() })).nullish(),
  currentProvince: unit.nullish(),
});

const official = z.object({
  ...mention,
  name: z.string(),
  honorific: z.string().nullish(),
  titles: z.array(z.string()).default([]),
  organization: z.string().nullish(),
});

const document = z.object({
  ...mention,
  id: z.string(),
  type: z.string().nullish(),
  number: z.string().nullish(),
  year: z.number().int().nullish(),
  issuer: z.string().nullish(),
  date: z.string().nullish(),
  subject: z.string().nullish(),
  written: z.array(z.string()).nullish(),
});

const date = z.object({
  ...mention,
  value: z.string(),
  grain: z.string().nullish(),
  start: z.string().nullish(),
  end: z.string().nullish(),
  mod: z.string().nullish(),
});

const metric = z.object({
  ...mention,
  value: z.number(),
  unit: z.string(),
  indicator: z.string().nullish(),
  indicatorId: z.string().nullish(),
  kind: z.string(),
  qualifier: z.string().nullish(),
  of: z.number().nullish(),
  max: z.number().nullish(),
  compared_to: z.string().nullish(),
  direction: z.string().nullish(),
  period: z.object({ value: z.string(), grain: z.string().nullish() }).nullish(),
  place: z.object({ name: z.string(), code: z.string().nullish(), level: z.string().nullish() }).nullish(),
});

export const LoadableRecordSchema = z.object({
  file: z.string().min(1),
  title: z.string().nullish(),
  source: z.string().nullish(),
  author: z.string().nullish(),
  published: z.string().nullish(),
  referenceDate: z.string().nullish(),
  referenceDateSource: z.string().nullish(),
  primaryProvince: z.object({ name: z.string(), code: z.string() }).nullish(),
  provinces: z.array(province).default([]),
  places: z.array(place).default([]),
  officials: z.array(official).default([]),
  documents: z.array(document).default([]),
  dates: z.array(date).default([]),
  metrics: z.array(metric).default([]),
  sha256: z.string().nullish(),
  extractorVersion: z.string().nullish(),
  rulesHash: z.string().nullish(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

export type LoadableRecord = z.infer<typeof LoadableRecordSchema>;
export type LoadableMetric = z.infer<typeof metric>;

/** A record from JSON, or why it cannot be loaded (the first problem, with its path). */
export function parseRecord(value: unknown): { record: LoadableRecord } | { problem: string } {
  const result = LoadableRecordSchema.safeParse(value);
  if (result.success) return { record: result.data };
  const issue = result.error.issues[0]!;
  return { problem: `${issue.path.join('.') || 'record'}: ${issue.message}` };
}
