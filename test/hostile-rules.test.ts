/**
 * Rule files describe patterns and nothing more: a user's rule file cannot
 * run code, read other files, reach object prototypes, expand without bound,
 * or bring a regular expression that backtracks catastrophically; unknown
 * keys are refused in every rule file the registry names. Each refusal names
 * the file and line.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../src/extractors/registry.js';
import { SHIPPED_RULES_DIR } from '../src/rules/load.js';
import { MAX_ALIASES, parseRuleYaml, RuleFileError, validateRuleFile } from '../src/rules/parse.js';
import { backtrackingRisk, compilePattern, PatternError } from '../src/rules/pattern.js';
import { ruleSpecs } from '../src/extractors/registry.js';
import { cli } from './cli-helpers.js';

/** A user rule directory holding `text.yaml` with `body`. */
function userRules(body: string): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'hostile-rules-'));
  const file = path.join(dir, 'text.yaml');
  writeFileSync(file, `$schema: ./schema/text.schema.json\n${body}`);
  return { dir, file };
}

function loadError(dir: string): RuleFileError {
  try {
    loadRules([dir]);
  } catch (error) {
    if (error instanceof RuleFileError) return error;
    throw error;
  }
  throw new Error('the rules loaded');
}

const debris = (id: string, pattern: string) => `debris:\n  - id: ${id}\n    name: Mẫu thử\n    pattern: '${pattern}'\n`;

describe('regular expressions that backtrack catastrophically', () => {
  it('(a+)+$ in a user rule file is refused with the file, line, field and rule id', () => {
    const { dir, file } = userRules(debris('nested-plus', '(a+)+$'));
    const error = loadError(dir);
    expect(error.file).toBe(file);
    expect(error.line).toBe(5);
    expect(error.field).toBe('debris.0.pattern');
    expect(error.message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5: debris\\.0\\.pattern: can backtrack catastrophically \\(exponential`));
    expect(error.message).toContain('(rule "nested-plus")');
  });

  it.each([
    ['alternatives that overlap', '^(a|a)*$'],
    ['a class and a letter it contains', '(\\w|\\d)+x'],
    ['nested repetition of words', '^(?:\\p{L}+\\s?)+$'],
  ])('%s (%s) is refused', (_, pattern) => {
    expect(backtrackingRisk(pattern, 'u')).toMatch(/exponential/);
  });

  it('a pattern that cannot backtrack catastrophically is accepted and used', () => {
    const { dir } = userRules(debris('comment-box', '^[ \\t]*Viết bình luận[ \\t]*$'));
    const { rules } = loadRules([dir]);
    expect(rules.text).toBeDefined();
    expect(backtrackingRisk('^[ \\t]*Viết bình luận[ \\t]*$', 'u')).toBeNull();
  });

  it('the command line stops with one line naming the file and line, exit 2', () => {
    const { dir, file } = userRules(debris('nested-plus', '(a+)+$'));
    const out = cli(['--rules', dir, 'seeds/000_56f7d53534dd05e8.txt']);
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(new RegExp(`^extract: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5: debris\\.0\\.pattern: can backtrack catastrophically .*\\n$`));
  });

  it('compilePattern refuses what does not compile and what misses its examples, naming the pattern', () => {
    expect(() => compilePattern('(unclosed', 'u', { id: 'broken' })).toThrow(new PatternError('pattern "broken" is not a valid regular expression: Invalid regular expression: /(unclosed/u: Unterminated group'));
    expect(() => compilePattern('Hà Nội', 'u', { id: 'ha-noi', examples: ['Hải Phòng'] })).toThrow(/pattern "ha-noi" does not match its example "Hải Phòng"/);
  });
});

describe('patterns that can match empty text', () => {
  const tailMarker = (pattern: string) => `tail_markers:\n  - id: blank-tail\n    name: Mẫu thử\n    pattern: '${pattern}'\n`;

  it.each([
    ['a bare anchor, which blanks every article from its start', '^'],
    ['a pattern whose every part is optional', '(?:Bình luận)?[ \\t]*'],
    ['a look-ahead alone', '(?=\\d)'],
  ])('%s (%s) is refused with the file, line and field', (_, pattern) => {
    const { dir, file } = userRules(tailMarker(pattern));
    const error = loadError(dir);
    expect(error.file).toBe(file);
    expect(error.line).toBe(5);
    expect(error.field).toBe('tail_markers.0.pattern');
    expect(error.detail).toMatch(/^can match empty text .*\(rule "blank-tail"\)$/);
  });

  it('the command refuses the rule directory with exit 2 rather than empty every record', () => {
    const { dir } = userRules(tailMarker('^'));
    const out = cli(['--rules', dir, '-'], { input: 'Ngày 27/12/2024, UBND tỉnh Thanh Hóa họp.\n' });
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/text\.yaml:5: tail_markers\.0\.pattern: can match empty text/);
  });

  it('a marker that needs at least one character is accepted', () => {
    const { dir } = userRules(tailMarker('^Bình luận$'));
    expect(loadRules([dir]).rules.text.tailMarkers.map((m) => m.source)).toContain('^Bình luận$');
  });
});

describe('keys that name object prototypes', () => {
  it.each([
    ['__proto__', `__proto__:\n  polluted: true\n`, 2],
    ['constructor', `debris:\n  - id: x\n    name: x\n    pattern: x\n    constructor:\n      prototype:\n        polluted: true\n`, 6],
    ['prototype', `header:\n  prototype: {polluted: true}\n`, 3],
  ])('%s is refused with the file and line, and no prototype changes', (key, body, line) => {
    const { dir, file } = userRules(body);
    const error = loadError(dir);
    expect(error.message).toBe(`${file}:${line}: key "${key}" is not allowed: it names an object prototype`);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('YAML aliases are bounded (no billion laughs)', () => {
  it(`a file with more than ${MAX_ALIASES} aliases is refused at the first one over the limit`, () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const error = (() => {
      try {
        parseRuleYaml('laughs.yaml', levels.join('\n'));
      } catch (e) {
        return e as RuleFileError;
      }
    })();
    expect(error).toBeInstanceOf(RuleFileError);
    // Lines 2–6 hold 45 aliases, so the 51st is on line 7.
    expect(error!.message).toBe(`laughs.yaml:7: more than ${MAX_ALIASES} YAML aliases; a rule file may use at most ${MAX_ALIASES}`);
  });

  it('few aliases that expand to many nodes are refused at the first alias', () => {
    const source = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]'].join('\n');
    expect(() => parseRuleYaml('expand.yaml', source)).toThrow(/^expand\.yaml:2: .*alias.*\(at most 50 alias expansions\)$/i);
  });
});

describe('a rule file cannot run code or read other files', () => {
  it.each([
    ['!!js/function', `header: !!js/function "function () { return process.exit(3) }"\n`, 'tag:yaml.org,2002:js/function'],
    ['a custom tag', `debris: !include /etc/passwd\n`, '!include'],
  ])('%s is refused with the file and line', (_, body, tag) => {
    const { dir, file } = userRules(body);
    expect(loadError(dir).message).toBe(`${file}:2: YAML tag ${tag} is not allowed: a rule file holds plain data only`);
  });

  it('$schema is a name only: a path to a file that does not exist loads', () => {
    const { dir } = userRules('');
    writeFileSync(path.join(dir, 'text.yaml'), `$schema: /nonexistent/secret.schema.json\n${debris('plain', 'Xem thêm')}`);
    expect(() => loadRules([dir])).not.toThrow();
  });

  it('a YAML file the registry does not name is refused rather than read as rules', () => {
    const { dir } = userRules('');
    writeFileSync(path.join(dir, 'payload.yaml'), 'x: 1\n');
    expect(loadError(dir).message).toMatch(/payload\.yaml: not a rule file this version reads/);
  });
});

describe('unknown keys are refused in every rule file', () => {
  /** Every object schema reachable from `schema`, with its path. */
  function objectSchemas(schema: z.ZodType, at: string, out: Array<{ at: string; strict: boolean }> = []) {
    const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
    const walk = (child: unknown, where: string) => child && objectSchemas(child as z.ZodType, where, out);
    switch (def.type) {
      case 'object': {
        const catchall = def['catchall'] as { _zod: { def: { type: string } } } | undefined;
        out.push({ at: at || '(top)', strict: catchall?._zod.def.type === 'never' });
        for (const [key, value] of Object.entries(def['shape'] as Record<string, z.ZodType>)) walk(value, `${at}.${key}`);
        break;
      }
      case 'array':
        walk(def['element'], `${at}[]`);
        break;
      case 'union':
        (def['options'] as z.ZodType[]).forEach((o, i) => walk(o, `${at}|${i}`));
        break;
      case 'record':
        walk(def['valueType'], `${at}{}`);
        break;
      case 'pipe':
        walk(def['in'], at);
        walk(def['out'], at);
        break;
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'nonoptional':
      case 'catch':
        walk(def['innerType'], at);
        break;
    }
    return out;
  }

  it.each(Object.values(ruleSpecs).map((s) => [s.file, s] as const))('%s: every object in its schema is strict', (_, spec) => {
    const objects = objectSchemas(spec.schema, '');
    expect(objects.length).toBeGreaterThan(0);
    expect(objects.filter((o) => !o.strict).map((o) => o.at)).toEqual([]);
  });

  it.each(Object.values(ruleSpecs).map((s) => [s.file, s] as const))('%s: an unknown top-level key is refused with its line', (name, spec) => {
    const source = readFileSync(path.join(SHIPPED_RULES_DIR, name), 'utf8').replace(/\n*$/, '\n');
    const line = source.split('\n').length;
    const parsed = parseRuleYaml(name, `${source}surprise_key: 1\n`, 'shipped');
    expect(() => validateRuleFile(parsed, spec.schema as z.ZodType<unknown>)).toThrow(new RuleFileError(name, line, 'surprise_key', 'unknown key "surprise_key"'));
  });
});

// The analysis takes seconds per pattern, so the shipped files get it in the longer run (`npm run fuzz`).
describe.runIf(process.env['FUZZ_RUNS'])('shipped rule files pass the checks a user rule file gets', () => {
  it.each(Object.values(ruleSpecs).map((s) => [s.file, s] as const))('%s', (name, spec) => {
    const parsed = parseRuleYaml(path.join(SHIPPED_RULES_DIR, name), readFileSync(path.join(SHIPPED_RULES_DIR, name), 'utf8'), 'user');
    expect(() => validateRuleFile(parsed, spec.schema as z.ZodType<unknown>)).not.toThrow();
  }, 300_000);
});
