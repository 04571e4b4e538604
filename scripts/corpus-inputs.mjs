#!/usr/bin/env node
/**
 * Writes the inputs of the records check into DIR: the fixture corpus's texts
 * (examples, sentences and negatives of fixtures/*.yaml) as one JSON Lines
 * file with their reference dates, and a replica corpus of COUNT articles
 * made of the seeds (the speed benchmark's corpus).
 *
 *   node scripts/corpus-inputs.mjs DIR [COUNT]
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { writeCorpus } from '../dist/bench/corpus.js';

const [dir, count = '1000'] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node scripts/corpus-inputs.mjs DIR [COUNT]');
  process.exit(2);
}
const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const lines = [];
for (const name of readdirSync(fixtures).filter((f) => f.endsWith('.yaml')).sort()) {
  const corpus = parse(readFileSync(path.join(fixtures, name), 'utf8'));
  const items = [
    ...(corpus.examples ?? []).flatMap((ex) => ex.texts.map((text) => ({ text, ref: ex.reference_date }))),
    ...(corpus.sentences ?? []).map((s) => ({ text: s.text, ref: s.reference_date })),
    ...(corpus.negatives ?? []).map((n) => ({ text: n.text, ref: n.reference_date })),
  ];
  items.forEach((item, k) => {
    const published = item.ref ?? corpus.reference_date;
    lines.push(JSON.stringify({ id: `${name}:${k}`, content: item.text, ...(published ? { published } : {}) }));
  });
}
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'fixtures.jsonl'), lines.join('\n') + '\n');
writeCorpus(path.join(dir, 'replicas'), Number(count));
