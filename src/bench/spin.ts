/**
 * A worker thread running a fixed amount of plain CPU-bound JavaScript
 * (integer arithmetic and a Map), then posting its result. The speed
 * benchmark runs one, then two at once, to show what a second thread gains
 * on the machine itself, beside what it gains `extract --jobs 2`.
 */
import { parentPort, workerData } from 'node:worker_threads';

let x = 0;
const seen = new Map<number, number>();
for (let i = 0; i < (workerData as number); i++) {
  x = (x * 31 + i) % 1_000_003;
  if (i % 7 === 0) seen.set(x, i);
  if (seen.size > 50_000) seen.clear();
}
parentPort!.postMessage(x);
