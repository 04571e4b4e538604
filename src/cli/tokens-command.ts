/**
 * `extract tokens FILE`: the word segmentation of an article, one token per
 * line as `start<TAB>end<TAB>text`, offsets in code points into the input,
 * for people writing rules.
 */
import { readSource } from '../input/read.js';
import { expandSources } from '../input/sources.js';
import { normalizeArticle } from '../normalize/index.js';
import { codePointIndexer } from '../normalize/offsets.js';
import { loadRules } from '../extractors/registry.js';
import { tokenize } from '../tokenize/index.js';
import type { Io } from './io.js';

export async function runTokens(file: string, options: { rules: string[]; maxBytes?: number }, io: Io): Promise<number> {
  const { rules } = loadRules(options.rules);
  const [source] = expandSources([file], io.cwd);
  const input = await readSource(source!, io.stdin, { maxBytes: options.maxBytes });
  if (!input.ok) {
    io.stderr.write(`extract: ${input.name}: ${input.message} [${input.code}]\n`);
    return 1;
  }
  const article = normalizeArticle(input.text, rules.text);
  const doc = tokenize(article, rules.text.sentenceAbbreviations);
  const cp = codePointIndexer(input.text);
  let out = '';
  for (const word of doc.words()) {
    const [s, e] = article.map.toInput([word.start, word.end]);
    out += `${cp(s)}\t${cp(e)}\t${input.text.slice(s, e)}\n`;
  }
  io.stdout.write(out);
  return 0;
}
