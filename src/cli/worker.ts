/**
 * A worker thread of `extract --jobs N` (batch.ts): loads the rules once,
 * then extracts each article it is sent and answers with its record. The
 * models load on the first article that needs them, once per worker. `null`
 * asks it to stop once the articles sent before are done.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadRules } from '../extractors/registry.js';
import { processInput, type WorkerAnswer, type WorkerJob, type WorkerSetup } from './batch.js';

const { ruleDirs, options, timeoutMs } = workerData as WorkerSetup;
const { rules } = loadRules(ruleDirs);
parentPort!.on('message', (job: WorkerJob | null) => {
  if (!job) return parentPort!.close();
  const { seq, item } = job;
  const answer: WorkerAnswer = { seq, record: processInput(item, rules, options, timeoutMs) };
  parentPort!.postMessage(answer);
});
