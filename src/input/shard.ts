/**
 * Shards (`--shard K/N`): a deterministic share of the inputs by content
 * hash, so N machines each run one shard and their outputs together are
 * exactly the output of one machine, in some order.
 */

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** `K/N` with 1 ≤ K ≤ N, or null. */
export function parseShard(value: string): Shard | null {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  if (!m) return null;
  const [index, count] = [Number(m[1]), Number(m[2])];
  return index >= 1 && index <= count && Number.isSafeInteger(count) ? { index, count } : null;
}

/** The 1-based shard of a sha256 (hex): its first 8 bytes, as an unsigned integer, mod N. */
export function shardOf(sha256: string, count: number): number {
  return Number(BigInt(`0x${sha256.slice(0, 16)}`) % BigInt(count)) + 1;
}
