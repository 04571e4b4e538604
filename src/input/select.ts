/**
 * Which inputs this run processes: those not already in an earlier output
 * (`--skip-seen`) and in this run's shard (`--shard`), both decided by the
 * sha256 of the input text. An input that could not be read has no text and
 * is never seen; its shard is decided by its name, so it too lands in exactly
 * one shard.
 */
import { textHash } from '../record/provenance.js';
import type { InputItem } from './read.js';
import { shardOf, type Shard } from './shard.js';

export interface Selection {
  seen?: ReadonlySet<string> | undefined;
  shard?: Shard | undefined;
}

export type SkipReason = 'seen' | 'shard';

export async function* selectInputs(items: AsyncIterable<InputItem>, selection: Selection, onSkip: (reason: SkipReason) => void): AsyncGenerator<InputItem> {
  const { seen, shard } = selection;
  for await (const item of items) {
    if (seen || shard) {
      const sha256 = item.ok ? textHash(item.text) : null;
      if (shard && shardOf(sha256 ?? textHash(item.name), shard.count) !== shard.index) {
        onSkip('shard');
        continue;
      }
      if (sha256 && seen?.has(sha256)) {
        onSkip('seen');
        continue;
      }
    }
    yield item;
  }
}
