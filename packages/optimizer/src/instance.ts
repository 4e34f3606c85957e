/** The engine's input: a multi-resource generalised assignment problem with linked items. */

/** A capacity that placed items consume: of one bin, or shared by a group of bins. */
export interface Resource {
  name: string;
  capacity: number;
}

/** A place an item can go: a destination, a movement, or a (destination, movement) pair. */
export interface Bin {
  name: string;
}

/** One eligible (item, bin) pair: its weight and what it consumes of which resources. */
export interface Pair {
  bin: number;
  weight: number;
  /** [resource index, amount] for every resource the pair consumes. */
  use: [number, number][];
}

/**
 * An item (a case): its eligible pairs, and what leaving it unplaced costs. Items alike may share
 * one pairs array, which is then read-only.
 */
export interface Item {
  name: string;
  /** Objective lost when the item stays unplaced (≥ 0). */
  penalty: number;
  pairs: Pair[];
}

/** A whole instance. Eligibility is sparse: an item lists only the bins it may go to. */
export interface Instance {
  resources: Resource[];
  bins: Bin[];
  items: Item[];
  /** Groups of item indices that must share one bin (or all stay unplaced). */
  links?: number[][];
}

/** One problem found in an instance, naming where it is. */
export interface InstanceProblem {
  path: string;
  message: string;
}

/** Lists everything wrong with an instance; an empty list means `solve` accepts it. */
export function validateInstance(instance: Instance): InstanceProblem[] {
  const problems: InstanceProblem[] = [];
  const add = (path: string, message: string) => {
    if (problems.length < 100) problems.push({ path, message });
  };
  const { resources, bins, items } = instance;
  if (!Array.isArray(resources) || !Array.isArray(bins) || !Array.isArray(items)) {
    return [{ path: '', message: 'an instance needs arrays resources, bins and items' }];
  }
  resources.forEach((r, k) => {
    if (!(Number.isFinite(r.capacity) && r.capacity >= 0))
      add(`resources[${k}].capacity`, 'must be a finite number ≥ 0');
  });
  // Items may share one pairs array (a class of alike cases): it is checked once.
  const checked = new Set<readonly Pair[]>();
  items.forEach((item, i) => {
    if (!(Number.isFinite(item.penalty) && item.penalty >= 0))
      add(`items[${i}].penalty`, 'must be a finite number ≥ 0');
    if (Array.isArray(item.pairs)) {
      if (checked.has(item.pairs)) return;
      checked.add(item.pairs);
    }
    const seen = new Set<number>();
    (item.pairs ?? []).forEach((p, q) => {
      // Named only when something is wrong: millions of pairs are checked at Kabul scale.
      const at = () => `items[${i}].pairs[${q}]`;
      if (!Number.isInteger(p.bin) || p.bin < 0 || p.bin >= bins.length)
        add(`${at()}.bin`, `must be a bin index from 0 to ${bins.length - 1}`);
      if (seen.has(p.bin)) add(`${at()}.bin`, `bin ${p.bin} is listed twice for this item`);
      seen.add(p.bin);
      if (!Number.isFinite(p.weight)) add(`${at()}.weight`, 'must be a finite number');
      for (const [r, amount] of p.use ?? []) {
        if (!Number.isInteger(r) || r < 0 || r >= resources.length)
          add(`${at()}.use`, `resource ${r} does not exist`);
        if (!(Number.isFinite(amount) && amount >= 0))
          add(`${at()}.use`, `amount ${amount} must be a finite number ≥ 0`);
      }
    });
  });
  const member = new Map<number, number>();
  (instance.links ?? []).forEach((group, g) => {
    for (const i of group) {
      if (!Number.isInteger(i) || i < 0 || i >= items.length)
        add(`links[${g}]`, `item ${i} does not exist`);
      else if (member.has(i) && member.get(i) !== g)
        add(`links[${g}]`, `item ${i} is also in links[${member.get(i)}]; merge the groups`);
      member.set(i, g);
    }
  });
  return problems;
}

/** Thrown by `solve` for an instance that `validateInstance` rejects; never for a valid one. */
export class InstanceError extends Error {
  constructor(readonly problems: InstanceProblem[]) {
    super(
      `invalid instance: ${problems.map((p) => `${p.path || 'instance'} ${p.message}`).join('; ')}`,
    );
    this.name = 'InstanceError';
  }
}
