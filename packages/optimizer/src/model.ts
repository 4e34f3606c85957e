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
  // Upper bounds of the pairs and uses, so that they are written straight into typed arrays.
  let maxPairs = 0;
  let maxUses = 0;
  for (const group of members) {
    maxPairs += instance.items[group[0]!]!.pairs.length;
    for (const i of group) for (const pair of instance.items[i]!.pairs) maxUses += pair.use.length;
  }
  const pairStart = new Int32Array(n + 1);
  const pairBin = new Int32Array(maxPairs);
  const pairWeight = new Float64Array(maxPairs);
  const useStart = new Int32Array(maxPairs + 1);
  const useResource = new Int32Array(maxUses);
  const useAmount = new Float64Array(maxUses);
  const penalty = new Float64Array(n);
  let pairs = 0;
  let uses = 0;
  /** Appends one pair: its uses summed per resource in their order, sorted by resource, zeros left out. */
  const pushPair = (bin: number, weight: number, use: readonly (readonly [number, number])[]) => {
    let ordered = true;
    for (let k = 1; k < use.length && ordered; k++) ordered = use[k - 1]![0] < use[k]![0];
    const sorted = ordered ? use : [...use].sort((x, y) => x[0] - y[0]);
    for (let k = 0; k < sorted.length;) {
      const r = sorted[k]![0];
      let amount = 0;
      for (; k < sorted.length && sorted[k]![0] === r; k++) amount += sorted[k]![1];
      if (amount === 0) continue;
      useResource[uses] = r;
      useAmount[uses++] = amount;
    }
    pairBin[pairs] = bin;
    pairWeight[pairs++] = weight;
    useStart[pairs] = uses;
  };
  for (let c = 0; c < n; c++) {
    const group = members[c]!;
    penalty[c] = group.reduce((s, i) => s + instance.items[i]!.penalty, 0);
    const first = instance.items[group[0]!]!;
    if (group.length === 1) {
      // Most items are not linked: their pairs are taken as they are.
      for (const pair of first.pairs) pushPair(pair.bin, pair.weight, pair.use);
    } else {
      // A linked group may use the bins every member may use, with weights and uses summed.
      const byBin = group.map((i) => new Map(instance.items[i]!.pairs.map((q) => [q.bin, q])));
      for (const pair of first.pairs) {
        let weight = 0;
        const use: [number, number][] = [];
        let allEligible = true;
        for (const memberPairs of byBin) {
          const p = memberPairs.get(pair.bin);
          if (!p) {
            allEligible = false;
            break;
          }
          weight += p.weight;
          use.push(...p.use);
        }
        if (allEligible) pushPair(pair.bin, weight, use);
      }
    }
    pairStart[c + 1] = pairs;
  }
  return {
    n,
    m: instance.bins.length,
    resources: instance.resources.length,
    capacity: Float64Array.from(instance.resources, (r) => r.capacity),
    penalty,
    pairStart,
    pairBin: pairBin.subarray(0, pairs),
    pairWeight: pairWeight.subarray(0, pairs),
    useStart: useStart.subarray(0, pairs + 1),
    useResource: useResource.subarray(0, uses),
    useAmount: useAmount.subarray(0, uses),
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

/** The pair and use arrays of a model of some items of another, and where each pair came from. */
export type PairRows = Pick<
  Model,
  'pairStart' | 'pairBin' | 'pairWeight' | 'useStart' | 'useResource' | 'useAmount'
> & {
  /** The index in the whole model of each copied pair. */
  source: Int32Array;
};

/**
 * Copies the pairs of `items` (in their order; only those `keep` marks, when given) with their
 * uses, as the arrays of a model whose item i is `items[i]`: the classes' model and the LP's
 * restricted model are built from it.
 */
export function copyPairs(model: Model, items: ArrayLike<number>, keep?: Uint8Array): PairRows {
  let pairs = 0;
  let uses = 0;
  for (let i = 0; i < items.length; i++) {
    const c = items[i]!;
    for (let p = model.pairStart[c]!; p < model.pairStart[c + 1]!; p++) {
      if (keep && !keep[p]) continue;
      pairs++;
      uses += model.useStart[p + 1]! - model.useStart[p]!;
    }
  }
  const out: PairRows = {
    pairStart: new Int32Array(items.length + 1),
    pairBin: new Int32Array(pairs),
    pairWeight: new Float64Array(pairs),
    useStart: new Int32Array(pairs + 1),
    useResource: new Int32Array(uses),
    useAmount: new Float64Array(uses),
    source: new Int32Array(pairs),
  };
  let q = 0;
  let u = 0;
  for (let i = 0; i < items.length; i++) {
    const c = items[i]!;
    for (let p = model.pairStart[c]!; p < model.pairStart[c + 1]!; p++) {
      if (keep && !keep[p]) continue;
      out.source[q] = p;
      out.pairBin[q] = model.pairBin[p]!;
      out.pairWeight[q] = model.pairWeight[p]!;
      for (let k = model.useStart[p]!; k < model.useStart[p + 1]!; k++) {
        out.useResource[u] = model.useResource[k]!;
        out.useAmount[u++] = model.useAmount[k]!;
      }
      out.useStart[++q] = u;
    }
    out.pairStart[i + 1] = q;
  }
  return out;
}
