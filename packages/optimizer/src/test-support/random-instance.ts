/** Seeded random instances for the engine's tests and benchmarks. */
import { createRandom } from '@corridor/core';
import type { Instance } from '../instance.js';

/** Shape of a random instance. */
export interface RandomShape {
  items: number;
  bins: number;
  seed: number;
  /** Probability that an (item, bin) pair is eligible. */
  density?: number;
  /** Capacity as a share of the demand spread evenly over bins (below 1: not everyone fits). */
  tightness?: number;
  /** Add one resource shared by every pair of neighbouring bins. */
  shared?: boolean;
  /** How many linked pairs of items. */
  links?: number;
}

/** A random MRGAP with per-bin capacities, optional shared resources and linked items. */
export function randomInstance(shape: RandomShape): Instance {
  const r = createRandom(shape.seed);
  const density = shape.density ?? 0.7;
  const tightness = shape.tightness ?? 0.8;
  const sizes = Array.from({ length: shape.items }, () => r.int(1, 6));
  const total = sizes.reduce((s, v) => s + v, 0);
  const perBin = Math.max(1, Math.round((tightness * total) / shape.bins));
  const sharedCount = shape.shared ? Math.ceil(shape.bins / 2) : 0;
  const resources = [
    ...Array.from({ length: shape.bins }, (_, b) => ({
      name: `bin ${b}`,
      capacity: perBin + r.int(-2, 2),
    })),
    ...Array.from({ length: sharedCount }, (_, g) => ({
      name: `shared ${g}`,
      capacity: Math.round(perBin * 1.5),
    })),
  ];
  const items = sizes.map((size, i) => {
    const pairs = [];
    for (let b = 0; b < shape.bins; b++) {
      if (b !== i % shape.bins && !r.chance(density)) continue;
      const use: [number, number][] = [[b, size]];
      if (shape.shared) use.push([shape.bins + Math.floor(b / 2), size]);
      pairs.push({ bin: b, weight: r.int(1, 30) * size, use });
    }
    return { name: `item ${i}`, penalty: 40 * size, pairs };
  });
  const links: number[][] = [];
  for (let k = 0; k < (shape.links ?? 0); k++) links.push([2 * k, 2 * k + 1]);
  return {
    resources,
    bins: Array.from({ length: shape.bins }, (_, b) => ({ name: `bin ${b}` })),
    items,
    links,
  };
}
