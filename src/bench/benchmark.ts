/** What a benchmark of `npm run bench` is. */
export interface Benchmark {
  readonly name: string;
  readonly description: string;
  /** Runs the benchmark and returns its report (a Markdown table or lines). */
  run(): Promise<string>;
}
