/**
 * Rules of text normalisation (`rules/text.yaml`): the metadata header, the
 * scraped template debris and page tail, the source tag, and the shapes of
 * titles, bylines and sentence ends.
 */
import { z } from 'zod';
import { defineRules, ruleId, schemaHeader } from '../rules/spec.js';
import { compilePattern, patternSource } from '../rules/pattern.js';

const entry = z.strictObject({
  id: ruleId,
  name: z.string().describe('What the rule matches, in Vietnamese'),
  pattern: patternSource,
  examples: z.array(z.string()).optional().describe('Text the pattern must match; checked when the rules load'),
});

export const textRules = defineRules({
  file: 'text.yaml',
  schema: z.strictObject({
    $schema: schemaHeader,
    header: entry.describe('The first-line metadata header; a named group "date" holds its value'),
    source_tag: entry.describe('A leading outlet tag; a named group "source" holds the outlet'),
    debris: z.array(entry).describe('Template debris blanked wherever it occurs (multiline: ^ and $ are line bounds)'),
    tail_markers: z.array(entry).describe('Where the page template begins: everything from the first match on is blanked'),
    title: z.strictObject({
      search_lines: z.number().int().min(1).max(10),
      max_words: z.number().int().min(1),
      sentence_end: patternSource.describe('A line matching this is a paragraph, not a headline'),
    }),
    byline: z.strictObject({
      max_words: z.number().int().min(1),
      max_title_words: z.number().int().min(1),
      word: patternSource.describe('One word of a byline name'),
    }),
    sentence_abbreviations: z.array(z.string()).describe('Abbreviations whose final dot does not end a sentence'),
  }),
  compile(raw) {
    const compile = (e: z.infer<typeof entry>, flags: string) => compilePattern(e.pattern, flags, { id: e.id, examples: e.examples });
    return {
      header: compile(raw.header, 'u'),
      sourceTag: compile(raw.source_tag, 'u'),
      debris: raw.debris.map((e) => compile(e, 'gmu')),
      tailMarkers: raw.tail_markers.map((e) => compile(e, 'mu')),
      title: {
        searchLines: raw.title.search_lines,
        maxWords: raw.title.max_words,
        sentenceEnd: compilePattern(raw.title.sentence_end, 'u'),
      },
      byline: {
        maxWords: raw.byline.max_words,
        maxTitleWords: raw.byline.max_title_words,
        word: compilePattern(raw.byline.word, 'u'),
      },
      sentenceAbbreviations: raw.sentence_abbreviations,
    };
  },
});

export type TextRules = ReturnType<typeof textRules.compile>;
