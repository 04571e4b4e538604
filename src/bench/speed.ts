/**
 * Speed, each figure against its baseline in the same run:
 *   1. word segmentation: vntk's `wordTokenizer().tag()` against ours, on
 *      every seed paragraph (and whether the words are the same);
 *   2. bare crfsuite tagging of the seed articles' lines (vntk's feature
 *      strings, precomputed) against our segmentation, POS tagging and the
 *      whole pipeline on the same lines, with where the pipeline's time goes;
 *   3. `--jobs 1` against `--jobs 2` on 1,000 articles replicated from the
 *      seeds, beside what a second thread gains a plain JavaScript loop on
 *      the same machine, and the peak memory of 1,000 against 5,000 articles.
 * In-process figures are CPU time of this process (steadier than wall time
 * on a busy machine; both are printed); the command-line runs are wall time.
 */
import { spawn } from 'node:child_process';
import { Session } from 'node:inspector/promises';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { normalizeArticle } from '../normalize/index.js';
import type { EntityType } from '../model/entity.js';
import { extractArticle } from '../pipeline.js';
import { loadRules } from '../extractors/registry.js';
import { findPlaceMentions } from '../extractors/places/mentions.js';
import { resolvePlaces } from '../extractors/places/resolve.js';
import { tokenize } from '../tokenize/index.js';
import { posFeatures, segmentationFeatures } from '../tokenize/features.js';
import { MODEL_FILES, openCrfsuite, segmenterModel } from '../tokenize/models.js';
import { segmentWords, tagWords, type Word } from '../tokenize/segmenter.js';
import { paragraphs, seedArticles, writeCorpus } from './corpus.js';
import type { Benchmark } from './benchmark.js';

export interface Timing {
  wall: number;
  cpu: number;
}

function once(fn: () => void): Timing {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  fn();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - wall, cpu: (used.user + used.system) / 1000 };
}

const mid = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const medianOf = (times: readonly Timing[]): Timing => ({ wall: mid(times.map((t) => t.wall)), cpu: mid(times.map((t) => t.cpu)) });

/** The median of `runs` timed passes, after one untimed warm-up pass. */
export function median(fn: () => void, runs = 5): Timing {
  fn();
  return medianOf(Array.from({ length: runs }, () => once(fn)));
}

const WARM_UP = 5;
const ROUNDS = 9;

/**
 * Each stage's passes, timed in rounds of one pass of every stage, after
 * `WARM_UP` untimed rounds (until the JIT has compiled the hot code, which
 * in a batch of thousands of articles it has), so that a busy moment of the
 * machine weighs on every stage alike.
 */
function interleaved<K extends string>(stages: Record<K, () => void>): Record<K, Timing[]> {
  const names = Object.keys(stages) as K[];
  for (let r = 0; r < WARM_UP; r++) for (const name of names) stages[name]();
  const times = Object.fromEntries(names.map((name) => [name, [] as Timing[]])) as Record<K, Timing[]>;
  for (let r = 0; r < ROUNDS; r++) for (const name of names) times[name].push(once(stages[name]));
  return times;
}

/** The median over rounds of `over`'s time divided by `under`'s, CPU and wall. */
const roundRatio = (over: readonly Timing[], under: readonly Timing[]): Timing => ({
  cpu: mid(over.map((t, r) => t.cpu / under[r]!.cpu)),
  wall: mid(over.map((t, r) => t.wall / under[r]!.wall)),
});

const ms = (x: number) => x.toFixed(x < 10 ? 1 : 0);
const ratio = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)}×`;
const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
const table = (head: readonly string[], rows: readonly (readonly string[])[]) =>
  [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');

interface VntkTagger {
  tag(text: string): string[];
}

function segmentation(): string {
  const lines = paragraphs(seedArticles());
  const bytes = lines.reduce((n, l) => n + Buffer.byteLength(l), 0);
  const vntk = (createRequire(import.meta.url)('vntk') as { wordTokenizer(): VntkTagger }).wordTokenizer();
  vntk.tag(lines[0]!);
  let theirs: string[][] = [];
  const vntkTime = once(() => (theirs = lines.map((l) => vntk.tag(l))));
  let ours: Word[][] = [];
  const ourTime = median(() => (ours = lines.map((l) => segmentWords(l, [0, l.length]))));
  const same = lines.filter((_, i) => JSON.stringify(ours[i]!.map((w) => w.form)) === JSON.stringify(theirs[i])).length;
  const kbs = (t: Timing) => (bytes / 1024 / (t.cpu / 1000)).toFixed(0);
  return [
    `${lines.length} seed paragraphs, ${(bytes / 1024).toFixed(0)} KB; same words as vntk on ${same} of ${lines.length}.`,
    '',
    table(
      ['segmenter', 'CPU ms', 'wall ms', 'KB/s (CPU)', 'speed-up (CPU)', 'speed-up (wall)'],
      [
        ['vntk `wordTokenizer().tag()` (one pass)', ms(vntkTime.cpu), ms(vntkTime.wall), kbs(vntkTime), '1×', '1×'],
        ['ours `segmentWords` (median of 5)', ms(ourTime.cpu), ms(ourTime.wall), kbs(ourTime), ratio(vntkTime.cpu / ourTime.cpu), ratio(vntkTime.wall / ourTime.wall)],
      ],
    ),
  ].join('\n');
}

async function pipeline(): Promise<string> {
  const seeds = seedArticles();
  const { rules } = loadRules();
  const { pretokens, lexicon } = segmenterModel();
  const lines = seeds.flatMap(({ text }) => {
    const article = normalizeArticle(text, rules.text);
    return article.lines.map(([s, e]) => article.text.slice(s, e));
  });
  const words = lines.map((l) => segmentWords(l, [0, l.length]));
  // vntk's feature strings, all of them, as vntk passes them to crfsuite
  const segItems = lines.map((l) => segmentationFeatures([...l.matchAll(pretokens)].map((m) => m[0]), lexicon)).filter((x) => x.length);
  const posItems = words.filter((w) => w.length).map((w) => posFeatures(w.map((x) => x.form), lexicon));
  const bareSegmenter = openCrfsuite(MODEL_FILES.segmentation());
  const barePos = openCrfsuite(MODEL_FILES.pos());

  const extractAll = () => seeds.forEach((a) => extractArticle(a.name, a.text, rules));
  const extractOnly = (type: EntityType) => () => seeds.forEach((a) => extractArticle(a.name, a.text, rules, { only: [type] }));
  // the places extractor's own work on each article: mentions over its syllables, then resolution
  const docs = seeds.map(({ text }) => tokenize(normalizeArticle(text, rules.text), rules.text.sentenceAbbreviations));
  const placeContext = { date: '2024-12', named: { before: [], since: [] }, provinces: rules.provinces, places: rules.places };
  const times = interleaved({
    places: () => docs.forEach((doc) => resolvePlaces(findPlaceMentions(doc.stream, rules.places), doc.text, placeContext)),
    bareSeg: () => segItems.forEach((x) => bareSegmenter.tag(x)),
    barePos: () => posItems.forEach((x) => barePos.tag(x)),
    ourSeg: () => lines.forEach((l) => segmentWords(l, [0, l.length])),
    ourPos: () => words.forEach((w) => tagWords(w)),
    whole: extractAll,
    onlyDocuments: extractOnly('documents'),
    onlyDates: extractOnly('dates'),
  });
  const bothModels = times.bareSeg.map((t, r) => ({ cpu: t.cpu + times.barePos[r]!.cpu, wall: t.wall + times.barePos[r]!.wall }));
  const withoutPlaces = times.whole.map((t, r) => ({ cpu: t.cpu - times.places[r]!.cpu, wall: t.wall - times.places[r]!.wall }));
  const rows = [
    ['bare crfsuite tagging, segmentation model (vntk feature strings)', times.bareSeg],
    ['bare crfsuite tagging, POS model (vntk feature strings)', times.barePos],
    ['our segmentation of every line (pre-tokens, features, tagging)', times.ourSeg],
    ['our POS tagging of every line (features, tagging)', times.ourPos],
    ['places extractor alone (mentions and resolution on the tokenized articles)', times.places],
    ['whole pipeline without places (the row below less the row above, round by round)', withoutPlaces],
    ['whole pipeline (`extractArticle`, every extractor; segments and tags the lines extractors ask about)', times.whole],
    ['`--only documents` (documents and what they need)', times.onlyDocuments],
    ['`--only dates` (dates and what they need)', times.onlyDates],
  ] as const;
  const whole = roundRatio(times.whole, times.bareSeg);
  return [
    `The ${seeds.length} seed articles: ${lines.length} normalised lines, ${segItems.reduce((n, x) => n + x.length, 0)} tokens. ${WARM_UP} untimed rounds, then ${ROUNDS} timed rounds of one pass of each stage; medians.`,
    '',
    table(
      ['stage', 'CPU ms', 'wall ms', '× bare segmentation tagging (CPU)', '(wall)'],
      rows.map(([name, t]) => {
        const x = roundRatio(t, times.bareSeg);
        return [name, ms(medianOf(t).cpu), ms(medianOf(t).wall), ratio(x.cpu), ratio(x.wall)];
      }),
    ),
    '',
    `Whole pipeline over bare tagging of the same tokens: ${ratio(whole.cpu)} CPU, ${ratio(whole.wall)} wall (segmentation model); ${ratio(roundRatio(times.whole, bothModels).cpu)} CPU (segmentation and POS models, both of which the pipeline runs).`,
    '',
    "Where the whole pipeline's time goes (CPU profile of 5 passes, self time by module):",
    '',
    await profile(extractAll),
  ].join('\n');
}

/** Self time by module of `fn`, run 5 times under the inspector's CPU profiler. */
async function profile(fn: () => void): Promise<string> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  for (let i = 0; i < 5; i++) fn();
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  const dist = path.dirname(fileURLToPath(new URL('../', import.meta.url)));
  const hits = new Map<number, number>();
  for (const id of profile.samples ?? []) hits.set(id, (hits.get(id) ?? 0) + 1);
  const parent = new Map<number, string>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.callFrame.url);
  const byModule = new Map<string, number>();
  for (const node of profile.nodes) {
    const n = hits.get(node.id) ?? 0;
    const { url, functionName } = node.callFrame;
    // native code called from tokenize/ is crfsuite (the profiler may name it after another addon's class)
    const module = !url && !functionName.startsWith('(') && parent.get(node.id)?.includes('/tokenize/') ? 'crfsuite tagging (native)' : moduleOf(url, functionName, dist);
    if (n) byModule.set(module, (byModule.get(module) ?? 0) + n);
  }
  const total = [...byModule.values()].reduce((a, b) => a + b, 0);
  const top = [...byModule].sort((a, b) => b[1] - a[1]).slice(0, 12);
  return table(['module', 'share'], top.map(([m, n]) => [m, `${((100 * n) / total).toFixed(1)}%`]));
}

function moduleOf(url: string, fn: string, dist: string): string {
  if (!url) return fn.startsWith('(') ? fn : `(native) ${fn}`;
  const file = url.startsWith('file://') ? fileURLToPath(url) : url;
  const pkg = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file);
  if (pkg) return `node_modules/${pkg[1]}`;
  if (!file.startsWith(dist)) return '(node internals)';
  const parts = path.relative(path.join(dist, 'dist'), file).replace(/\.js$/, '').split(path.sep);
  return parts[0] === 'extractors' || parts[0] === 'tokenize' ? parts.slice(0, 2).join('/') : parts[0]!;
}

interface CliRun {
  wall: number;
  maxRssMB: number;
}

/** Runs the command line on `dir` in a child process: wall time and peak memory. */
function runCli(args: readonly string[]): Promise<CliRun> {
  const runner = fileURLToPath(new URL('./run-cli.js', import.meta.url));
  const start = performance.now();
  const child = spawn(process.execPath, [runner, '--quiet', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      const kb = Number(/maxRSS=(\d+)/.exec(stderr)?.[1]);
      if (status !== 0 || !kb) reject(new Error(`extract ${args.join(' ')} failed (${status}): ${stderr.slice(0, 500)}`));
      else resolve({ wall: performance.now() - start, maxRssMB: kb / 1024 });
    });
  });
}

const BATCH_ROUNDS = 3;
/** Steps of the plain-JavaScript loop (spin.ts): about a second on one thread. */
const SPIN_STEPS = 60_000_000;

/** Wall time of `threads` worker threads running the plain-JavaScript loop at once. */
async function spin(threads: number): Promise<number> {
  const url = new URL('./spin.js', import.meta.url);
  const start = performance.now();
  await Promise.all(
    Array.from({ length: threads }, () => new Promise((resolve, reject) => new Worker(url, { workerData: SPIN_STEPS }).once('message', resolve).once('error', reject))),
  );
  return performance.now() - start;
}

async function batches(): Promise<string> {
  const root = mkdtempSync(path.join(tmpdir(), 'extract-bench-'));
  try {
    const small = writeCorpus(path.join(root, '1000'), 1000);
    const large = writeCorpus(path.join(root, '5000'), 5000);
    // --jobs 1 and --jobs 2 alternate, each round beside the machine's own gain: the faster run of each, the higher peak memory
    const runs: Record<'one' | 'two', CliRun[]> = { one: [], two: [] };
    const spins: Record<'one' | 'two', number[]> = { one: [], two: [] };
    for (let r = 0; r < BATCH_ROUNDS; r++) {
      spins.one.push(await spin(1));
      spins.two.push(await spin(2));
      runs.one.push(await runCli(['--jobs', '1', small]));
      runs.two.push(await runCli(['--jobs', '2', small]));
    }
    const best = (xs: readonly CliRun[]): CliRun => ({ wall: Math.min(...xs.map((x) => x.wall)), maxRssMB: Math.max(...xs.map((x) => x.maxRssMB)) });
    const [one, two] = [best(runs.one), best(runs.two)];
    const five = await runCli(['--jobs', '2', large]);
    const s = (t: CliRun) => (t.wall / 1000).toFixed(1);
    const mb = (t: CliRun) => t.maxRssMB.toFixed(0);
    return [
      `Articles replicated from the seeds (src/bench/corpus.ts), \`extract --quiet --jobs N DIR\` in a child process; ${cpus().length} CPUs. 1,000 articles: ${BATCH_ROUNDS} runs of each, alternating, the faster time and the higher peak memory; 5,000 articles: one run.`,
      '',
      `What a second thread gains on this machine itself: two threads of a plain JavaScript loop (src/bench/spin.ts) do the work of ${ratio((2 * Math.min(...spins.one)) / Math.min(...spins.two))} one in the same time (fastest of ${BATCH_ROUNDS} rounds, run before each round of \`extract\`).`,
      '',
      table(
        ['run', 'wall s', 'articles/s', 'speed-up', 'peak RSS MB', 'memory × 1,000'],
        [
          ['1,000 articles, --jobs 1', s(one), (1000 / (one.wall / 1000)).toFixed(1), '1×', mb(one), ''],
          ['1,000 articles, --jobs 2', s(two), (1000 / (two.wall / 1000)).toFixed(1), ratio(one.wall / two.wall), mb(two), '1×'],
          ['5,000 articles, --jobs 2', s(five), (5000 / (five.wall / 1000)).toFixed(1), '', mb(five), ratio(five.maxRssMB / two.maxRssMB)],
        ],
      ),
    ].join('\n');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export const speedBenchmark: Benchmark = {
  name: 'speed',
  description: 'segmentation vs vntk, pipeline vs bare crfsuite tagging, --jobs 1 vs 2, peak memory at 1,000 and 5,000 articles',
  async run() {
    return [
      '### Word segmentation: vntk against ours',
      '',
      segmentation(),
      '',
      '### Bare crfsuite tagging against our stages and the whole pipeline',
      '',
      await pipeline(),
      '',
      '### Batches: --jobs 1 against --jobs 2, and peak memory',
      '',
      await batches(),
    ].join('\n');
  },
};
