/**
 * Progress and the end summary, on stderr. The live line (inputs done, rate,
 * time left when the total is known) is drawn only on a terminal, redrawn at
 * most every 200 ms, and erased before any other stderr line and at the end.
 * The summary is one line: articles, errors, skipped inputs, entities by
 * type and the time taken.
 */
import type { ArticleRecord } from '../model/record.js';
import type { EntityType } from '../model/entity.js';
import type { SkipReason } from '../input/select.js';

export interface ProgressOptions {
  /** Draw the live line (stderr is a terminal that records are not also written to, and not `--quiet`). */
  live: boolean;
  /** Print the summary at the end (not `--quiet`). */
  summary: boolean;
  /** Number of inputs, when known before they are read. */
  total?: number | undefined;
  /** Entity types counted in the summary. */
  types: readonly EntityType[];
  now?: () => number;
}

const REDRAW_MS = 200;
const ERASE = '\r\x1b[K';

export class Progress {
  private articles = 0;
  private errors = 0;
  private readonly skipped: Record<SkipReason, number> = { seen: 0, shard: 0 };
  private readonly entities = new Map<EntityType, number>();
  private readonly now: () => number;
  private readonly started: number;
  private lastDraw = -Infinity;
  private drawn = false;

  constructor(
    private readonly stderr: NodeJS.WritableStream,
    private readonly options: ProgressOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.started = this.now();
    for (const type of options.types) this.entities.set(type, 0);
    this.tick();
  }

  /** A record was written. */
  record(record: ArticleRecord): void {
    if (record.error) this.errors++;
    else this.articles++;
    for (const [type, count] of this.entities) this.entities.set(type, count + record[type].length);
    this.tick();
  }

  /** An input was passed over. */
  skip(reason: SkipReason): void {
    this.skipped[reason]++;
    this.tick();
  }

  /** A line of its own, such as an input's error, written above the live line; control characters escaped. */
  note(line: string): void {
    this.erase();
    this.stderr.write(`${escapeControls(line)}\n`);
    this.lastDraw = -Infinity;
  }

  /** Erases the live line and prints the summary (not when the run was cut short). */
  finish(complete = true): void {
    this.erase();
    if (complete && this.options.summary) this.stderr.write(`${this.summary()}\n`);
  }

  /** The live line. */
  line(): string {
    const elapsed = (this.now() - this.started) / 1000;
    const done = this.articles + this.errors + this.skipped.seen + this.skipped.shard;
    const { total } = this.options;
    const parts = total === undefined ? [] : [`${done}/${total} inputs`];
    parts.push(...this.counts());
    if (elapsed > 0) parts.push(`${(this.articles / elapsed).toFixed(1)} articles/s`);
    if (total !== undefined && done > 0 && elapsed > 0) parts.push(`${duration(((total - done) * elapsed) / done)} left`);
    return `extract: ${parts.join(' · ')}`;
  }

  /** The summary line. */
  summary(): string {
    const entities = [...this.entities].map(([type, n]) => `${type} ${n}`).join(', ');
    return `extract: ${this.counts().join(', ')}${entities ? ` · ${entities}` : ''} · ${duration((this.now() - this.started) / 1000)}`;
  }

  private counts(): string[] {
    const counts = [count(this.articles, 'article'), count(this.errors, 'error')];
    if (this.skipped.seen) counts.push(`${this.skipped.seen} skipped as already seen`);
    if (this.skipped.shard) counts.push(`${this.skipped.shard} in other shards`);
    return counts;
  }

  private tick(): void {
    if (!this.options.live) return;
    const now = this.now();
    if (now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    this.stderr.write(`${ERASE}${this.line()}`);
    this.drawn = true;
  }

  private erase(): void {
    if (!this.drawn) return;
    this.stderr.write(ERASE);
    this.drawn = false;
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** `3.2 s`, `4m 05s`, `2h 07m`. */
export function duration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const s = Math.round(seconds);
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/**
 * `text` with its control characters (C0, DEL, C1, line and paragraph
 * separators) written as escapes (`\n`, `\x1b`, `\u2028`): a file name with
 * a line break or a terminal escape sequence cannot forge or hide a line on stderr.
 */
export function escapeControls(text: string): string {
  return text.replace(/[\0-\x1f\x7f-\x9f\u2028\u2029]/gu, (c) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    const code = c.charCodeAt(0);
    return named[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`);
  });
}
