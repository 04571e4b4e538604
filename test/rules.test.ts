import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { RuleFileError } from '../src/rules/parse.js';
import { loadRules } from '../src/extractors/registry.js';
import { mergeRuleData } from '../src/rules/spec.js';
import { ruleSpecs } from '../src/extractors/registry.js';
import { schemaOf } from '../src/cli/schema-command.js';

function ruleDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rules-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

function loadError(files: Record<string, string>): RuleFileError {
  try {
    loadRules([ruleDir(files)]);
  } catch (error) {
    if (error instanceof RuleFileError) return error;
    throw error;
  }
  throw new Error('the rules loaded');
}

describe('rule files', () => {
  it('the shipped rules load', () => {
    expect(() => loadRules()).not.toThrow();
  });

  it('a field of the wrong type is reported with file, line and field', () => {
    const error = loadError({ 'provinces.yaml': '$schema: x\n\nprimary:\n  title_weight: 3\n  lead_weight: "two"\n  lead_sentences: 2\n' });
    expect(error.file).toMatch(/provinces\.yaml$/);
    expect(error.line).toBe(5);
    expect(error.field).toBe('primary.lead_weight');
    expect(error.message).toMatch(/provinces\.yaml:5: primary\.lead_weight:/);
  });

  it('an unknown key is rejected with its line', () => {
    const error = loadError({ 'text.yaml': '$schema: x\ntitle:\n  search_lines: 3\n  max_words: 30\n  sentence_end: "[.]$"\n  colour: red\n' });
    expect(error.line).toBe(6);
    expect(error.field).toBe('title.colour');
    expect(error.detail).toMatch(/unknown key "colour"/);
  });

  it('invalid YAML is reported with its line', () => {
    const error = loadError({ 'names.yaml': '$schema: x\nsurnames: [Nguyễn, Trần\nperson_markers: []\n' });
    expect(error.line).not.toBeNull();
    expect(error.detail).toMatch(/not valid YAML/);
  });

  it('a pattern that does not match its own example stops the load', () => {
    const error = loadError({ 'text.yaml': "$schema: x\nsource_tag:\n  id: source-tag\n  name: Nguồn\n  pattern: '^\\((?<source>\\w+)\\)'\n  examples: ['không khớp']\n" });
    expect(error.message).toMatch(/text\.yaml: pattern "source-tag" does not match its example/);
  });

  it('a rule file this version does not read is an error, not silently ignored', () => {
    const error = loadError({ 'provinse.yaml': '$schema: x\n' });
    expect(error.message).toMatch(/not a rule file this version reads/);
  });

  it('user rules add to the shipped ones: a new exclusion phrase takes effect', () => {
    const text = 'Đội bóng Hà Nội FC thắng trận.';
    expect(extract(text, { only: ['provinces'] }).provinces).toHaveLength(1);
    const dir = ruleDir({ 'provinces.yaml': '$schema: ./schema/provinces.schema.json\nexclusions: ["Hà Nội FC"]\n' });
    expect(extract(text, { only: ['provinces'], rules: [dir] }).provinces).toEqual([]);
  });

  it('other lists gain the user items', () => {
    expect(mergeRuleData({ words: ['a', 'b'] }, { words: ['b', 'c'] })).toEqual({ words: ['a', 'b', 'c'] });
  });

  it('lists of entries with ids merge by id', () => {
    const merged = mergeRuleData({ list: [{ id: 'a', v: 1 }, { id: 'b', v: 2 }] }, { list: [{ id: 'b', v: 3 }, { id: 'c', v: 4 }] });
    expect(merged).toEqual({ list: [{ id: 'a', v: 1 }, { id: 'b', v: 3 }, { id: 'c', v: 4 }] });
  });
});

describe('rule-file JSON Schemas in rules/schema', () => {
  it.each(Object.values(ruleSpecs).map((s) => s.file))('%s has an up-to-date schema (npm run schemas writes them)', (file) => {
    const committed = path.resolve(import.meta.dirname, '../rules/schema', file.replace(/\.yaml$/, '.schema.json'));
    expect(existsSync(committed), `missing ${committed}: run npm run schemas`).toBe(true);
    expect(JSON.parse(readFileSync(committed, 'utf8'))).toEqual(schemaOf(file));
  });
});

describe('user vocabulary is compared in the text form', () => {
  it('a user office written with old-style tone placement (Hoà giải viên) matches the normalised text', () => {
    const text = 'Ông Nguyễn Văn An, Hòa giải viên, cho biết.';
    const before = extract(text, { only: ['officials'] }).officials;
    expect(before.map((o) => o.titles)).not.toContainEqual(['Hòa giải viên']);
    const dir = ruleDir({ 'officials.yaml': '$schema: ./schema/officials.schema.json\npositions:\n  - { id: hoa-giai-vien, name: Hoà giải viên, forms: [Hoà giải viên], organization: optional }\n' });
    const after = extract(text, { only: ['officials'], rules: [dir] }).officials;
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ name: 'Nguyễn Văn An', titles: ['Hòa giải viên'] });
  });
});
