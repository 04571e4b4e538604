/**
 * A trie over syllable keys: built once when the rules load, walked one
 * syllable at a time, so matching every gazetteer name at every position of
 * an article costs time linear in the article (times the longest name).
 *
 * Its edges are one map from `node|key` to the next node's number, and its
 * values one sparse array by node: the 14,000 names of the units file make
 * 30,000 nodes, which as objects with maps of their own cost more to build
 * (and to collect) than everything else the rules load.
 */
export class SyllableTrie<V> {
  private readonly edges = new Map<string, number>();
  private readonly values: (V[] | undefined)[] = [];
  private nodes = 1;

  insert(keys: readonly string[], value: V): void {
    let node = 0;
    for (const key of keys) {
      const edge = `${node}|${key}`;
      let next = this.edges.get(edge);
      if (next === undefined) this.edges.set(edge, (next = this.nodes++));
      node = next;
    }
    (this.values[node] ??= []).push(value);
  }

  /**
   * The longest key sequence that `keyAt(from)`, `keyAt(from + 1)`, ... spells,
   * as its values and the index after its last key; `keyAt` returns null where
   * the sequence must stop.
   */
  longest(from: number, keyAt: (i: number) => string | null): { values: readonly V[]; end: number } | null {
    let node = 0;
    let best: { values: readonly V[]; end: number } | null = null;
    for (let i = from; ; i++) {
      const key = keyAt(i);
      const next = key === null ? undefined : this.edges.get(`${node}|${key}`);
      if (next === undefined) return best;
      node = next;
      const values = this.values[node];
      if (values) best = { values, end: i + 1 };
    }
  }
}
