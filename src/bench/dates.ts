/**
 * Dates: our extraction against plain `chrono.vi` on the same corpus
 * (fixtures/dates.yaml), each case scored the same way for both:
 *   - an example phrase is right when a date with its expected value is found;
 *   - an in-context sentence when the values found are exactly those expected;
 *   - a negative when nothing is found.
 * chrono's results are read at the granularity they state (a result that
 * states only a year is that year), against the same reference date.
 */
import { readFileSync } from 'node:fs';
import { vi } from 'chrono-node';
import { parse } from 'yaml';
import { parseReference, referenceInstant, toDate } from '../extractors/dates/expression.js';
import { extract } from '../index.js';
import type { Benchmark } from './benchmark.js';

interface Case {
  part: 'examples' | 'sentences' | 'negatives';
  text: string;
  ref: string | undefined;
  /** Expected values; for an example, one value that must be among those found. */
  values: string[];
}

interface Corpus {
  reference_date?: string;
  examples?: Array<{ texts: string[]; expect: { value: string }; reference_date?: string }>;
  sentences?: Array<{ text: string; expect?: Array<{ value?: string }>; reference_date?: string }>;
  negatives?: Array<{ text: string; reference_date?: string }>;
}

const CORPUS = new URL('../../fixtures/dates.yaml', import.meta.url);

function cases(corpus: Corpus): Case[] {
  const ref = (own?: string) => own ?? corpus.reference_date;
  return [
    ...(corpus.examples ?? []).flatMap((e) => e.texts.map((text) => ({ part: 'examples' as const, text, ref: ref(e.reference_date), values: [e.expect.value] }))),
    ...(corpus.sentences ?? []).map((s) => ({ part: 'sentences' as const, text: s.text, ref: ref(s.reference_date), values: (s.expect ?? []).flatMap((x) => x.value ?? []) })),
    ...(corpus.negatives ?? []).map((n) => ({ part: 'negatives' as const, text: n.text, ref: ref(n.reference_date), values: [] })),
  ];
}

function ours(c: Case): string[] {
  return extract(c.text, { only: ['dates'], ...(c.ref ? { referenceDate: c.ref } : {}) }).dates.map((d) => d.value);
}

function chronoVi(c: Case): string[] {
  const ref = parseReference(c.ref);
  return vi.parse(c.text, referenceInstant(ref)).map((r) => toDate(r, ref).value);
}

function right(c: Case, found: string[]): boolean {
  if (c.part === 'examples') return found.includes(c.values[0]!);
  return [...found].sort().join('|') === [...c.values].sort().join('|');
}

export const datesBenchmark: Benchmark = {
  name: 'dates',
  description: 'date extraction accuracy on fixtures/dates.yaml: plain chrono.vi vs ours',
  async run() {
    const all = cases(parse(readFileSync(CORPUS, 'utf8')) as Corpus);
    const rows = (['examples', 'sentences', 'negatives'] as const).map((part) => all.filter((c) => c.part === part));
    const pct = (list: Case[], system: (c: Case) => string[]) => `${((100 * list.filter((c) => right(c, system(c))).length) / list.length).toFixed(1)}%`;
    const lines = ['| cases | n | chrono.vi | ours |', '|---|---:|---:|---:|'];
    for (const list of [...rows, all]) {
      const label = list === all ? 'all' : list[0]?.part ?? '';
      lines.push(`| ${label} | ${list.length} | ${pct(list, chronoVi)} | ${pct(list, ours)} |`);
    }
    return lines.join('\n');
  },
};
