/**
 * The import rules `npm run deps` checks (dependency-cruiser): no cycles, and
 * the pipeline's layers only import downwards.
 *
 *   model → rules, normalize → tokenize → extractors (with the scoring
 *   primitives eval/match and eval/gold-fields) → resolve, record, pipeline
 *   → eval, output, input, db, corpus → cli → bench
 */
const layer = (name, folders) => ({ name, path: `^src/(${folders.join('|')})(/|\\.ts$)` });
const forbid = (from, to, comment, exceptions = []) => ({
  name: `${from.name}-not-${to.name}`,
  comment,
  severity: 'error',
  from: { path: from.path },
  to: { path: to.path, ...(exceptions.length ? { pathNot: `^src/(${exceptions.join('|')})` } : {}) },
});

const model = layer('model', ['model']);
const lexical = layer('lexical', ['rules', 'normalize', 'tokenize']);
const extractors = layer('extractors', ['extractors']);
const stages = layer('stages', ['resolve', 'record', 'pipeline', 'index']);
const evaluation = layer('eval', ['eval']);
const io = layer('io', ['output', 'input', 'db', 'corpus']);
const cli = layer('cli', ['cli']);
const bench = layer('bench', ['bench']);
const aboveModel = layer('above-model', ['rules', 'normalize', 'tokenize', 'extractors', 'resolve', 'record', 'pipeline', 'index', 'eval', 'output', 'input', 'db', 'corpus', 'cli', 'bench']);
const aboveLexical = layer('above-lexical', ['extractors', 'resolve', 'record', 'pipeline', 'index', 'eval', 'output', 'input', 'db', 'corpus', 'cli', 'bench']);
const aboveExtractors = layer('above-extractors', ['resolve', 'record', 'pipeline', 'index', 'eval', 'output', 'input', 'db', 'corpus', 'cli', 'bench']);
const aboveStages = layer('above-stages', ['eval', 'output', 'input', 'db', 'corpus', 'cli', 'bench']);
const aboveIo = layer('above-io', ['cli', 'bench']);

module.exports = {
  forbidden: [
    { name: 'no-circular', comment: 'import cycles make the load order matter', severity: 'error', from: {}, to: { circular: true } },
    forbid(model, aboveModel, 'the domain model imports nothing of the program'),
    forbid(lexical, aboveLexical, 'the lexical layer knows no entity type'),
    forbid(extractors, aboveExtractors, 'extractors know no stage after them; they score with the primitives only', ['eval/match\\.ts', 'eval/gold-fields\\.ts']),
    forbid(stages, aboveStages, 'the pipeline is pure: no reading, writing or scoring'),
    forbid(evaluation, aboveIo, 'scoring knows nothing of the command line'),
    forbid(io, aboveIo, 'reading, writing and the fact base know nothing of the command line'),
    forbid(cli, bench, 'the command line does not run benchmarks'),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
