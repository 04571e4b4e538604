/**
 * One validated run set-up for every command that extracts (`extract`,
 * `eval`, `db`), built before any work is done, as ripgrep builds one
 * argument object before a mode runs: the rules loaded and hashed, the inputs
 * expanded, and the options the batch and the readers take.
 */
import { loadRules, type Rules } from '../extractors/registry.js';
import type { ReadOptions } from '../input/read.js';
import { expandSources, type Source } from '../input/sources.js';
import type { EntityType } from '../model/entity.js';
import { defaultJobs, type BatchOptions } from './batch.js';

/** The flags the extracting commands share. */
export interface ExtractionFlags {
  rules: readonly string[];
  /** `--ref-date`, validated by the option parser. */
  refDate?: string | undefined;
  /** Worker threads (`--jobs`); 1 extracts in this thread; default: defaultJobs. */
  jobs?: number | undefined;
  /** Inputs larger than this fail with E_TOO_LARGE (`--max-bytes`). */
  maxBytes?: number | undefined;
  /** Seconds an article may take (`--timeout`). */
  timeout?: number | undefined;
  only?: readonly EntityType[] | undefined;
}

export interface RunSetup {
  rules: Rules;
  rulesHash: string;
  sources: Source[];
  read: ReadOptions;
  batch: BatchOptions;
}

/**
 * `pattern` is what a directory's inputs are (`*.txt`, `*.jsonl`); `counted`
 * says whether the inputs are known ahead (files are, JSON Lines articles are
 * not), for the default number of worker threads.
 */
export function prepareRun(inputs: readonly string[], flags: ExtractionFlags, cwd: string, pattern = '*.txt', counted = true): RunSetup {
  const { rules, hash: rulesHash } = loadRules(flags.rules);
  const sources = expandSources(inputs, cwd, pattern);
  return {
    rules,
    rulesHash,
    sources,
    read: { maxBytes: flags.maxBytes },
    batch: {
      only: flags.only,
      rulesHash,
      ...(flags.refDate ? { referenceDate: { value: flags.refDate, source: 'option' as const } } : {}),
      jobs: flags.jobs ?? defaultJobs(counted ? sources.length : undefined),
      ruleDirs: flags.rules,
      timeoutMs: flags.timeout === undefined ? undefined : flags.timeout * 1000,
    },
  };
}
