/** A plan under construction: which pair each item uses and what every resource has left. */
import type { Model } from './model.js';

const eps = 1e-9;

/** Mutable plan state with constant-time moves and feasibility checks. */
export class PlanState {
  /** Pair index per contracted item, −1 when unplaced. */
  readonly pair: Int32Array;
  readonly usage: Float64Array;
  objective: number;

  constructor(readonly model: Model) {
    this.pair = new Int32Array(model.n).fill(-1);
    this.usage = new Float64Array(model.resources);
    this.objective = -model.penalty.reduce((s, v) => s + v, 0);
  }

  /** Objective contribution of item c where it is now. */
  value(c: number): number {
    const p = this.pair[c]!;
    return p < 0 ? -this.model.penalty[c]! : this.model.pairWeight[p]!;
  }

  /** Whether pair p fits, optionally as if pair `without` were removed first. */
  fits(p: number, without = -1): boolean {
    const { useStart, useResource, useAmount, capacity } = this.model;
    for (let k = useStart[p]!; k < useStart[p + 1]!; k++) {
      const r = useResource[k]!;
      let free = capacity[r]! - this.usage[r]!;
      if (without >= 0) free += amountOn(this.model, without, r);
      if (useAmount[k]! > free + eps) return false;
    }
    return true;
  }

  /** Moves item c to pair p (or unplaces it with −1). */
  move(c: number, p: number): void {
    const old = this.pair[c]!;
    if (old === p) return;
    this.objective -= this.value(c);
    if (old >= 0) this.apply(old, -1);
    this.pair[c] = p;
    if (p >= 0) this.apply(p, 1);
    this.objective += this.value(c);
  }

  private apply(p: number, sign: number): void {
    const { useStart, useResource, useAmount } = this.model;
    for (let k = useStart[p]!; k < useStart[p + 1]!; k++)
      this.usage[useResource[k]!]! += sign * useAmount[k]!;
  }

  /** A copy of the assignment. */
  snapshot(): Int32Array {
    return this.pair.slice();
  }

  /** Restores an assignment made by `snapshot`. */
  restore(pairs: Int32Array): void {
    for (let c = 0; c < this.model.n; c++) this.move(c, -1);
    for (let c = 0; c < this.model.n; c++) if (pairs[c]! >= 0) this.move(c, pairs[c]!);
  }
}

/** How much pair p uses of resource r. */
export function amountOn(model: Model, p: number, r: number): number {
  for (let k = model.useStart[p]!; k < model.useStart[p + 1]!; k++)
    if (model.useResource[k] === r) return model.useAmount[k]!;
  return 0;
}

/** Whether pairs `add` fit after removing pairs `remove` (any resources, shared ones included). */
export function fitsExchange(
  state: PlanState,
  remove: readonly number[],
  add: readonly number[],
): boolean {
  const { model } = state;
  const delta = new Map<number, number>();
  for (const p of add)
    for (let k = model.useStart[p]!; k < model.useStart[p + 1]!; k++) {
      delta.set(
        model.useResource[k]!,
        (delta.get(model.useResource[k]!) ?? 0) + model.useAmount[k]!,
      );
    }
  for (const p of remove)
    for (let k = model.useStart[p]!; k < model.useStart[p + 1]!; k++) {
      const r = model.useResource[k]!;
      if (delta.has(r)) delta.set(r, delta.get(r)! - model.useAmount[k]!);
    }
  for (const [r, d] of delta)
    if (d > 0 && state.usage[r]! + d > model.capacity[r]! + eps) return false;
  return true;
}
