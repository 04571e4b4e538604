/**
 * Everyday dates and money: ours against plain `chrono.vi` on phrases of
 * everyday news (fixtures/bench/everyday.yaml), at one reference date. A
 * phrase is recalled when its expected value is among those found: a date's
 * ISO value, an amount's `VALUE UNIT`. chrono has no money, so its money
 * column is what a date parser gives there (nothing); times are the medians
 * of timed passes over the whole list.
 */
import { readFileSync } from 'node:fs';
import { vi } from 'chrono-node';
import { parse } from 'yaml';
import { parseReference, referenceInstant, toDate } from '../extractors/dates/expression.js';
import { extract } from '../index.js';
import type { Benchmark } from './benchmark.js';
import { median } from './speed.js';

interface Phrase {
  text: string;
  value: string;
}

interface Corpus {
  reference_date: string;
  dates: Phrase[];
  money: Phrase[];
}

const CORPUS = new URL('../../fixtures/bench/everyday.yaml', import.meta.url);

export const everydayBenchmark: Benchmark = {
  name: 'everyday',
  description: 'recall and time on everyday date and money phrases (fixtures/bench/everyday.yaml): plain chrono.vi vs ours',
  async run() {
    const corpus = parse(readFileSync(CORPUS, 'utf8')) as Corpus;
    const ref = parseReference(corpus.reference_date);
    const ourDates = (p: Phrase) => extract(p.text, { only: ['dates'], referenceDate: corpus.reference_date }).dates.map((d) => d.value);
    const ourMoney = (p: Phrase) =>
      extract(p.text, { only: ['metrics'], referenceDate: corpus.reference_date })
        .metrics.filter((m) => m.unit === 'USD' || m.unit === 'VND')
        .map((m) => `${m.value} ${m.unit}`);
    const chronoDates = (p: Phrase) => vi.parse(p.text, referenceInstant(ref)).map((r) => toDate(r, ref).value);
    const recall = (list: Phrase[], system: (p: Phrase) => string[]) => list.filter((p) => system(p).includes(p.value)).length;
    const time = (list: Phrase[], system: (p: Phrase) => string[]) => median(() => list.forEach(system)).wall;
    const ms = (x: number) => `${x.toFixed(1)} ms`;
    const rows = [
      ['dates', corpus.dates, chronoDates, ourDates],
      ['money', corpus.money, null, ourMoney],
    ] as const;
    const lines = ['| phrases | n | chrono.vi recall | ours recall | chrono.vi time | ours time |', '|---|---:|---:|---:|---:|---:|'];
    for (const [label, list, chrono, ours] of rows) {
      const theirs = chrono ? `${recall(list, chrono)}/${list.length}` : `0/${list.length} (no money)`;
      lines.push(`| ${label} | ${list.length} | ${theirs} | ${recall(list, ours)}/${list.length} | ${chrono ? ms(time(list, chrono)) : '—'} | ${ms(time(list, ours))} |`);
    }
    const missed = [...corpus.dates.filter((p) => !ourDates(p).includes(p.value)), ...corpus.money.filter((p) => !ourMoney(p).includes(p.value))];
    if (missed.length) lines.push('', `Ours missed: ${missed.map((p) => `“${p.text}” (${p.value})`).join('; ')}`);
    return lines.join('\n');
  },
};
