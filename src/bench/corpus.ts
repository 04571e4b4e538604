/**
 * The speed benchmark's corpus, built from the seed articles: the seeds
 * themselves, and any number of replicas of them for runs at scale. Replica
 * k of a seed keeps its first line (the date header and lead) and rotates
 * the paragraphs after it by k, so the articles differ in order while every
 * paragraph is a seed paragraph (the segmentation test covers them all).
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SEEDS_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url));

export interface Article {
  readonly name: string;
  readonly text: string;
}

export function seedArticles(dir = SEEDS_DIR): Article[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
}

/** `count` articles made of the seeds, in a fixed order. */
export function* replicate(seeds: readonly Article[], count: number): Generator<Article> {
  for (let k = 0; k < count; k++) {
    const seed = seeds[k % seeds.length]!;
    const [first = '', ...rest] = seed.text.split('\n');
    const paragraphs = rest.filter((line) => line.trim());
    const turn = Math.floor(k / seeds.length) % Math.max(paragraphs.length, 1);
    const rotated = [...paragraphs.slice(turn), ...paragraphs.slice(0, turn)];
    yield { name: `${String(k).padStart(5, '0')}_${seed.name}`, text: [first, ...rotated].join('\n\n') + '\n' };
  }
}

/** Writes `count` replicas into `dir` (created if needed); returns the directory. */
export function writeCorpus(dir: string, count: number, seeds = seedArticles()): string {
  mkdirSync(dir, { recursive: true });
  for (const article of replicate(seeds, count)) writeFileSync(path.join(dir, article.name), article.text);
  return dir;
}

/** The distinct non-blank lines of some articles: vntk's unit of segmentation. */
export function paragraphs(articles: Iterable<Article>): string[] {
  const out = new Set<string>();
  for (const { text } of articles) for (const line of text.split('\n')) if (line.trim()) out.add(line);
  return [...out];
}
