/**
 * Officials: our extractor against vntk's own named-entity recogniser on the
 * seed articles (seeds/*.txt, gold in fixtures/gold), scored the same way for
 * both, as `extract eval` scores officials: names as a set per article
 * (one-to-one matching, optional gold items free), summed over the articles.
 * vntk's candidates are its PER entities (`vntk.ner().tag(line)`, B-PER/I-PER
 * runs); it gives no titles, so title token-F1 is ours alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { officialsGold, type OfficialsGold } from '../extractors/officials/view.js';
import { matchItems, tokenOverlap, type Counts, type TokenF1 } from '../eval/match.js';
import { foldName } from '../normalize/forms.js';
import { extract } from '../index.js';
import type { Benchmark } from './benchmark.js';

const SEEDS = new URL('../../seeds/', import.meta.url);
const GOLD = new URL('../../fixtures/gold/', import.meta.url);

interface Prediction {
  name: string;
  titles: string[];
}

type VntkNer = { tag(text: string): Array<[word: string, pos: string, chunk: string, ner: string]> };

function vntkPersons(text: string): Prediction[] {
  const ner = (createRequire(import.meta.url)('vntk') as { ner(): VntkNer }).ner();
  const names = new Map<string, Prediction>();
  const add = (words: string[]) => {
    if (words.length) names.set(foldName(words.join(' ')), { name: words.join(' '), titles: [] });
  };
  for (const line of text.split('\n').filter((l) => l.trim())) {
    let run: string[] = [];
    for (const [word, , , tag] of ner.tag(line)) {
      if (tag === 'I-PER' && run.length) run.push(word);
      else {
        add(run);
        run = tag === 'B-PER' ? [word] : [];
      }
    }
    add(run);
  }
  return [...names.values()];
}

function ours(text: string): Prediction[] {
  return extract(text, { only: ['officials'] }).officials;
}

interface Score {
  counts: Counts;
  titles: TokenF1;
}

function score(articles: ReadonlyArray<{ text: string; gold: OfficialsGold }>, system: (text: string) => Prediction[]): Score {
  const total: Score = { counts: { tp: 0, fp: 0, fn: 0 }, titles: { overlap: 0, predicted: 0, gold: 0 } };
  for (const { text, gold } of articles) {
    const result = matchItems(gold, system(text), (g, p) => foldName(g.name) === foldName(p.name));
    for (const key of ['tp', 'fp', 'fn'] as const) total.counts[key] += result.counts[key];
    for (const { gold: g, predicted: p } of result.matches) {
      const t = tokenOverlap(g.titles.join(' ; '), p.titles.join(' ; '));
      for (const key of ['overlap', 'predicted', 'gold'] as const) total.titles[key] += t[key];
    }
  }
  return total;
}

const f1 = (a: number, b: number) => (a + b === 0 ? 0 : (2 * a * b) / (a + b));
const fmt = (x: number) => x.toFixed(3);

export const officialsNerBenchmark: Benchmark = {
  name: 'officials-ner',
  description: 'officials on the seed articles against fixtures/gold: vntk NER (PER entities) vs ours',
  async run() {
    const articles = readdirSync(SEEDS)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => ({
        text: readFileSync(new URL(f, SEEDS), 'utf8'),
        gold: officialsGold.schema.parse((JSON.parse(readFileSync(new URL(f.replace(/\.txt$/, '.json'), GOLD), 'utf8')) as { officials: unknown }).officials),
      }));
    const lines = ['| system | tp | fp | fn | precision | recall | F1 | title token-F1 |', '|---|---:|---:|---:|---:|---:|---:|---:|'];
    for (const [label, system, hasTitles] of [
      ['vntk NER (PER)', vntkPersons, false],
      ['ours', ours, true],
    ] as const) {
      const { counts, titles } = score(articles, system);
      const precision = counts.tp / Math.max(1, counts.tp + counts.fp);
      const recall = counts.tp / Math.max(1, counts.tp + counts.fn);
      const titleF1 = hasTitles ? fmt((2 * titles.overlap) / Math.max(1, titles.predicted + titles.gold)) : 'n/a';
      lines.push(`| ${label} | ${counts.tp} | ${counts.fp} | ${counts.fn} | ${fmt(precision)} | ${fmt(recall)} | ${fmt(f1(precision, recall))} | ${titleF1} |`);
    }
    return `${articles.length} seed articles\n\n${lines.join('\n')}`;
  },
};
