/**
 * Runs every corpus in fixtures/*.yaml: one test per example phrase, per
 * sentence and per negative.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { matchesExpectation, readCorpus } from './fixture-corpus.js';

const dir = path.resolve(import.meta.dirname, '../fixtures');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

describe.each(files)('fixtures/%s', (name) => {
  const corpus = readCorpus(path.join(dir, name));
  const type = corpus.type;
  const run = (text: string, ref?: string) => {
    const referenceDate = ref ?? corpus.reference_date;
    const record = extract(text, { only: [type], ...(referenceDate ? { referenceDate } : {}) });
    return record[type] as Array<Record<string, unknown> & { text: string }>;
  };

  const examples = corpus.examples.flatMap((ex) => ex.texts.map((text) => ({ ...ex, text })));
  it.each(examples)('example: $text', (ex) => {
    const found = run(ex.text, ex.reference_date);
    const hit = found.find((e) => (ex.partial || e.text === ex.text.trim()) && matchesExpectation(e, ex.expect));
    expect(hit, `expected ${JSON.stringify(ex.expect)} in ${JSON.stringify(found)}`).toBeDefined();
  });

  it.each(corpus.sentences)('sentence: $text', (s) => {
    const found = run(s.text, s.reference_date);
    for (const want of s.expect) {
      const hit = found.find((e) => matchesExpectation(e, want));
      expect(hit, `expected ${JSON.stringify(want)} in ${JSON.stringify(found)}`).toBeDefined();
      if (hit && typeof want['text'] === 'string') {
        const at = s.text.indexOf(want['text']);
        expect(hit['span'], `span of "${want['text']}"`).toEqual([at, at + want['text'].length]);
      }
    }
    if (s.exact) expect(found.map((e) => e.text)).toHaveLength(s.expect.length);
  });

  it.each(corpus.negatives)('negative: $text', (n) => {
    // a negative is about mentions: a province implied by the places of the text has none
    const found = run(n.text, n.reference_date).filter((e) => (e['spans'] as unknown[]).length > 0);
    if (n.not === undefined) {
      expect(found, JSON.stringify(found)).toEqual([]);
    } else {
      const at = n.text.indexOf(n.not);
      expect(at, `"${n.not}" must occur in the text`).toBeGreaterThanOrEqual(0);
      const overlapping = found.filter((e) => {
        const [s, t] = e['span'] as [number, number];
        return s < at + n.not!.length && t > at;
      });
      expect(overlapping, JSON.stringify(overlapping)).toEqual([]);
    }
  });
});
