/** The compiled form the search works on: typed arrays, linked items contracted into one. */
import type { Instance } from './instance.js';

/** Items × pairs × resources in compressed sparse rows. */
export interface Model {
  n: number;
  m: number;
  resources: number;
  capacity: Float64Array;
  penalty: Float64Array;
  /** Pairs of item i are pairStart[i] .. pairStart[i + 1] − 1. */
  pairStart: Int32Array;
  pairBin: Int32Array;
  pairWeight: Float64Array;
  /** Uses of pair p are useStart[p] .. useStart[p + 1] − 1. */
  useStart: Int32Array;
  useResource: Int32Array;
  useAmount: Float64Array;
  /** Original item indices of each contracted item. */
  members: number[][];
  /** Contracted item of each original item. */
  itemOf: Int32Array;
}

/**
 * Compiles an instance; each linked group becomes one item whose pairs are the bins every member
 * may use, with summed weights, uses and penalties.
 */
export function compile(instance: Instance): Model {
  const count = instance.items.length;
  const parent = Int32Array.from({ length: count }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (const group of instance.links ?? []) {
    for (let k = 1; k < group.length; k++) parent[find(group[k]!)] = find(group[0]!);
  }
  const members: number[][] = [];
  const rootIndex = new Map<number, number>();
  const itemOf = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const root = find(i);
    let c = rootIndex.get(root);
    if (c === undefined) {
      c = members.length;
      rootIndex.set(root, c);
      members.push([]);
    }
    members[c]!.push(i);
    itemOf[i] = c;
  }
  const n = members.length;
  const pairStart = new Int32Array(n + 1);
  const bins: number[] = [];
  const weights: number[] = [];
  const useStart: number[] = [0];
  const useResource: number[] = [];
  const useAmount: number[] = [];
  const penalty = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    const group = members[c]!;
    penalty[c] = group.reduce((s, i) => s + instance.items[i]!.penalty, 0);
    const first = instance.items[group[0]!]!;
    for (const pair of first.pairs) {
      let weight = 0;
      const use = new Map<number, number>();
      let allEligible = true;
      for (const i of group) {
        const p = instance.items[i]!.pairs.find((q) => q.bin === pair.bin);
        if (!p) {
          allEligible = false;
          break;
        }
        weight += p.weight;
        for (const [r, a] of p.use) use.set(r, (use.get(r) ?? 0) + a);
      }
      if (!allEligible) continue;
      bins.push(pair.bin);
      weights.push(weight);
      for (const [r, a] of [...use.entries()].sort((x, y) => x[0] - y[0])) {
        if (a === 0) continue;
        useResource.push(r);
        useAmount.push(a);
      }
      useStart.push(useResource.length);
    }
    pairStart[c + 1] = bins.length;
  }
  return {
    n,
    m: instance.bins.length,
    resources: instance.resources.length,
    capacity: Float64Array.from(instance.resources, (r) => r.capacity),
    penalty,
    pairStart,
    pairBin: Int32Array.from(bins),
    pairWeight: Float64Array.from(weights),
    useStart: Int32Array.from(useStart),
    useResource: Int32Array.from(useResource),
    useAmount: Float64Array.from(useAmount),
    members,
    itemOf,
  };
}

/** The pair of contracted item c that goes to bin b, or −1. */
export function pairOf(model: Model, c: number, bin: number): number {
  for (let p = model.pairStart[c]!; p < model.pairStart[c + 1]!; p++)
    if (model.pairBin[p] === bin) return p;
  return -1;
}
