/**
 * Running the pipeline over a stream of inputs: one record per input, in
 * input order. An input that could not be read or decoded yields an error
 * record in its place; the others are unaffected.
 *
 * With `jobs` above 1, articles are extracted on that many worker threads
 * (worker.ts), each loading the rules and models once. Inputs are read only
 * as a bounded window of them is in flight, and each record is yielded as
 * soon as those before it are, so memory does not grow with the batch.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { InputItem } from '../input/read.js';
import { ArticleTimeout, extractArticle, type ArticleOptions } from '../pipeline.js';
import { errorRecord } from '../record/build.js';
import { RecordSchema } from '../extractors/registry.js';
import type { ArticleRecord } from '../model/record.js';
import type { Rules } from '../extractors/registry.js';

export interface BatchOptions extends ArticleOptions {
  /** Worker threads to extract on; 1 (the default) extracts in this thread. */
  jobs?: number;
  /** The `--rules` directories `rules` was loaded with, for the workers to load the same rules. */
  ruleDirs?: readonly string[];
  /** Milliseconds an article may take (`--timeout`); past it, its record is an E_TIMEOUT error. */
  timeoutMs?: number | undefined;
}

/** What a worker is started with. */
export interface WorkerSetup {
  ruleDirs: readonly string[];
  options: ArticleOptions;
  timeoutMs?: number | undefined;
}

/** 60 s: far beyond any article (a long one takes about a second), short enough that a stuck one does not stall a batch for long. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * The pipeline checks the deadline between its stages; a worker still silent
 * this long after an article's deadline (inside one long step) is stopped and
 * replaced, and its articles get E_TIMEOUT records.
 */
const WORKER_GRACE_MS = 5_000;

/** Articles per worker below which a worker costs more than it saves (each loads the rules and models anew). */
const ARTICLES_PER_WORKER = 20;

/** `--jobs` when not given: one thread per core, fewer for a batch known to be small (1: this thread). */
export function defaultJobs(articles?: number): number {
  const cores = availableParallelism();
  return articles === undefined ? cores : Math.max(1, Math.min(cores, Math.floor(articles / ARTICLES_PER_WORKER)));
}

/** Articles sent to a worker before it has answered the first: keeps it busy while its answer travels. */
const PER_WORKER = 2;
/** Inputs read ahead of the oldest record not yet yielded, per worker. */
const WINDOW_PER_WORKER = 8;

/** A record with the input it was made from. */
export interface Processed {
  item: InputItem;
  record: ArticleRecord;
}

export async function* processInputs(items: AsyncIterable<InputItem>, rules: Rules, options: BatchOptions): AsyncGenerator<ArticleRecord> {
  for await (const { record } of processItems(items, rules, options)) yield record;
}

/** As processInputs, with each record's input item (for writers that show the text). */
export async function* processItems(items: AsyncIterable<InputItem>, rules: Rules, options: BatchOptions): AsyncGenerator<Processed> {
  const { jobs = 1, ruleDirs = [], timeoutMs, ...articleOptions } = options;
  if (jobs <= 1) {
    for await (const item of items) yield { item, record: processInput(item, rules, articleOptions, timeoutMs) };
  } else {
    yield* processOnWorkers(items, jobs, { ruleDirs, options: articleOptions, timeoutMs });
  }
}

export function processInput(item: InputItem, rules: Rules, options: ArticleOptions, timeoutMs?: number): ArticleRecord {
  if (!item.ok) return errorRecord(item.name, item.code, item.message);
  const deadline = timeoutMs === undefined ? {} : { deadline: Date.now() + timeoutMs };
  const withDate = item.referenceDate ? { ...options, referenceDate: options.referenceDate ?? { value: item.referenceDate, source: 'input' as const } } : options;
  const itemOptions = { ...withDate, ...deadline };
  return checkedRecord(item.name, () => {
    const record = extractArticle(item.name, item.text, rules, itemOptions);
    // What reading did (a legacy encoding converted, HTML stripped) comes first.
    return item.warnings?.length ? { ...record, warnings: [...item.warnings, ...record.warnings] } : record;
  });
}

/** Every record is validated against the published schema before it is written. */
function checkedRecord(file: string, make: () => ArticleRecord): ArticleRecord {
  let record: ArticleRecord;
  try {
    record = make();
  } catch (error) {
    if (error instanceof ArticleTimeout) return timeoutRecord(file);
    return errorRecord(file, 'E_INTERNAL', `extraction failed: ${(error as Error).message}`);
  }
  const check = RecordSchema.safeParse(record);
  if (!check.success) {
    const issue = check.error.issues[0]!;
    return errorRecord(file, 'E_INTERNAL', `record does not match the schema at ${issue.path.join('.')}: ${issue.message}`);
  }
  return check.data;
}

function timeoutRecord(file: string): ArticleRecord {
  return errorRecord(file, 'E_TIMEOUT', 'extraction took longer than --timeout; the article was given up');
}

/** A job for a worker and its answer. */
export interface WorkerJob {
  seq: number;
  item: InputItem;
}
export interface WorkerAnswer {
  seq: number;
  record: ArticleRecord;
}

interface Running {
  readonly worker: Worker;
  readonly exited: Promise<unknown>;
  inFlight: number;
  /** The articles sent and not answered: sequence number → when sent. */
  readonly sent: Map<number, number>;
  /** Stopped for running past the deadline: its exit is no failure, its answers are not awaited. */
  abandoned: boolean;
}

async function* processOnWorkers(items: AsyncIterable<InputItem>, jobs: number, setup: WorkerSetup): AsyncGenerator<Processed> {
  const input = items[Symbol.asyncIterator]();
  const workers: Running[] = [];
  const queue: WorkerJob[] = [];
  /** Inputs read and not yet yielded, by sequence number, and the records made of them. */
  const reading = new Map<number, InputItem>();
  const done = new Map<number, ArticleRecord>();
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const signal = () => {
    wake?.();
    wake = undefined;
  };

  const start = (): Running => {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: setup });
    const running: Running = { worker, exited: new Promise((resolve) => worker.once('exit', resolve)), inFlight: 0, sent: new Map(), abandoned: false };
    running.worker.on('message', ({ seq, record }: WorkerAnswer) => {
      running.inFlight--;
      running.sent.delete(seq);
      done.set(seq, record);
      dispatch();
      signal();
    });
    running.worker.on('error', (error) => {
      if (!running.abandoned) failure ??= new Error(`worker thread failed: ${error.message}`);
      signal();
    });
    running.worker.on('exit', (code) => {
      if (code !== 0 && !running.abandoned) failure ??= new Error(`worker thread exited with status ${code}`);
      signal();
    });
    workers.push(running);
    return running;
  };

  /** Hands queued articles to the least busy worker, starting workers (up to `jobs`) only when all are busy. */
  const dispatch = () => {
    while (queue.length > 0) {
      let target = workers.reduce<Running | undefined>((best, w) => (!best || w.inFlight < best.inFlight ? w : best), undefined);
      if ((!target || target.inFlight > 0) && workers.length < jobs) target = start();
      if (!target || target.inFlight >= PER_WORKER) return;
      const job = queue.shift()!;
      target.inFlight++;
      target.sent.set(job.seq, Date.now());
      target.worker.postMessage(job);
    }
  };

  /** Stops and replaces a worker still holding an article long past its deadline; its articles get E_TIMEOUT records. */
  const watchdog =
    setup.timeoutMs === undefined
      ? undefined
      : setInterval(() => {
          const limit = Date.now() - setup.timeoutMs! - WORKER_GRACE_MS;
          for (const running of [...workers]) {
            if (![...running.sent.values()].some((sent) => sent < limit)) continue;
            running.abandoned = true;
            workers.splice(workers.indexOf(running), 1);
            for (const seq of running.sent.keys()) done.set(seq, timeoutRecord(reading.get(seq)!.name));
            void running.worker.terminate();
          }
          dispatch();
          signal();
        }, Math.min(1_000, setup.timeoutMs)).unref();

  let read = 0;
  let written = 0;
  let exhausted = false;
  try {
    while (!exhausted || written < read) {
      while (!exhausted && read - written < jobs * WINDOW_PER_WORKER) {
        const next = await input.next();
        if (next.done) {
          exhausted = true;
          continue;
        }
        const item = next.value;
        reading.set(read, item);
        if (item.ok) queue.push({ seq: read, item });
        else done.set(read, errorRecord(item.name, item.code, item.message));
        read++;
      }
      dispatch();
      const record = done.get(written);
      if (record) {
        const item = reading.get(written)!;
        done.delete(written);
        reading.delete(written++);
        yield { item, record };
        continue;
      }
      if (failure) throw failure;
      if (written < read) await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    clearInterval(watchdog);
    queue.length = 0;
    await input.return?.();
    // Workers stop after the articles they hold: terminating one inside a crfsuite call aborts the process.
    for (const { worker } of workers) worker.postMessage(null);
    await Promise.all(workers.map(({ exited }) => exited));
  }
}
