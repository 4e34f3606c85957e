/** Turns the search state into the result's plan, reasons and per-resource report. */
import type { Instance } from './instance.js';
import type { Model } from './model.js';
import type { ItemReason, ResourceReport } from './result.js';
import type { PlanState } from './state.js';

/** Assignment per original item, reasons, resource use, prices and shortfall. */
export function report(
  instance: Instance,
  model: Model,
  state: PlanState,
  prices: Float64Array,
  fixed: Int32Array,
  warm: ArrayLike<number> | null,
): {
  assignment: Int32Array;
  unplaced: number;
  reasons: ItemReason[];
  resources: ResourceReport[];
} {
  const assignment = new Int32Array(instance.items.length).fill(-1);
  const reasons: ItemReason[] = [];
  const shortfall = new Float64Array(model.resources);
  let unplaced = 0;
  for (let c = 0; c < model.n; c++) {
    const p = state.pair[c]!;
    let bestPair = -1;
    for (let q = model.pairStart[c]!; q < model.pairStart[c + 1]!; q++) {
      if (bestPair < 0 || model.pairWeight[q]! > model.pairWeight[bestPair]!) bestPair = q;
    }
    const bestWeight = bestPair >= 0 ? model.pairWeight[bestPair]! : -Infinity;
    const bin = p >= 0 ? model.pairBin[p]! : -1;
    let kind: ItemReason['kind'];
    if (fixed[c] !== -3) kind = 'locked';
    else if (p < 0) kind = bestPair < 0 ? 'unplaced-ineligible' : 'unplaced-capacity';
    else if (warm && warm[model.members[c]![0]!] === bin) kind = 'kept';
    else kind = model.pairWeight[p]! >= bestWeight - 1e-9 ? 'best' : 'traded';
    if (p < 0) {
      unplaced += model.members[c]!.length;
      if (bestPair >= 0) {
        for (let k = model.useStart[bestPair]!; k < model.useStart[bestPair + 1]!; k++) {
          const r = model.useResource[k]!;
          shortfall[r]! += model.useAmount[k]!;
        }
      }
    }
    for (const item of model.members[c]!) {
      assignment[item] = bin;
      reasons.push({ item, bin, kind, bestWeight });
    }
  }
  reasons.sort((a, b) => a.item - b.item);
  const resources = instance.resources.map((r, k) => {
    const used = state.usage[k]!;
    const missing = Math.max(0, used + shortfall[k]! - r.capacity);
    return {
      resource: k,
      name: r.name,
      capacity: r.capacity,
      used,
      slack: r.capacity - used,
      price: prices[k]!,
      shortfall: missing,
    };
  });
  return { assignment, unplaced, reasons, resources };
}
