/** Items alike (same pairs, weights, uses and penalty) grouped into classes counted once each. */
import { copyPairs, type Model } from './model.js';

/** The class model: one item per class, with how many items it stands for. */
export interface Classes {
  /** Items × pairs × resources of the classes; a class's pairs are those of its first item. */
  model: Model;
  /** Items per class. */
  count: Float64Array;
  /** Fixed pair per class, as `fixed` per item: −3 free, −1 fixed unplaced, ≥ 0 fixed class pair. */
  fixed: Int32Array;
  /** Class of each contracted item. */
  classOf: Int32Array;
  /** First item of each class: class pair j is its pair `pairStart[first] + j`. */
  first: Int32Array;
}

const words = new Int32Array(2);
const float = new Float64Array(words.buffer);

/** A hash of item c's pairs (bins, weights, uses) and penalty. */
function hashItem(model: Model, c: number): number {
  let h = 0x811c9dc5;
  const mix = (v: number) => {
    h = Math.imul(h ^ v, 0x01000193);
  };
  const number = (x: number) => {
    float[0] = x;
    mix(words[0]!);
    mix(words[1]!);
  };
  number(model.penalty[c]!);
  for (let p = model.pairStart[c]!; p < model.pairStart[c + 1]!; p++) {
    mix(model.pairBin[p]!);
    number(model.pairWeight[p]!);
    for (let k = model.useStart[p]!; k < model.useStart[p + 1]!; k++) {
      mix(model.useResource[k]!);
      number(model.useAmount[k]!);
    }
  }
  return h >>> 0;
}

/** Whether items a and b have the same pairs, uses and penalty. */
function alike(model: Model, a: number, b: number): boolean {
  const { pairStart, pairBin, pairWeight, useStart, useResource, useAmount } = model;
  const length = pairStart[a + 1]! - pairStart[a]!;
  if (length !== pairStart[b + 1]! - pairStart[b]! || model.penalty[a] !== model.penalty[b])
    return false;
  for (let j = 0; j < length; j++) {
    const p = pairStart[a]! + j;
    const q = pairStart[b]! + j;
    if (pairBin[p] !== pairBin[q] || pairWeight[p] !== pairWeight[q]) return false;
    const uses = useStart[p + 1]! - useStart[p]!;
    if (uses !== useStart[q + 1]! - useStart[q]!) return false;
    for (let k = 0; k < uses; k++) {
      if (useResource[useStart[p]! + k] !== useResource[useStart[q]! + k]) return false;
      if (useAmount[useStart[p]! + k] !== useAmount[useStart[q]! + k]) return false;
    }
  }
  return true;
}

/**
 * Groups the free items (`fixed` −3) that are alike into classes; each fixed item is a class of
 * its own. Returns null when classes would not make the model at least `minShrink` times smaller
 * in pairs (then the item model is the class model).
 */
export function classify(model: Model, fixed: Int32Array, minShrink = 2): Classes | null {
  const classOf = new Int32Array(model.n);
  const firsts: number[] = [];
  const byHash = new Map<number, number[]>();
  let classPairs = 0;
  for (let c = 0; c < model.n; c++) {
    if (fixed[c] !== -3) {
      classOf[c] = firsts.length;
      firsts.push(c);
      classPairs += model.pairStart[c + 1]! - model.pairStart[c]!;
      continue;
    }
    const h = hashItem(model, c);
    const candidates = byHash.get(h);
    const found = candidates?.find((k) => alike(model, firsts[k]!, c));
    if (found !== undefined) {
      classOf[c] = found;
      continue;
    }
    classOf[c] = firsts.length;
    if (candidates) candidates.push(firsts.length);
    else byHash.set(h, [firsts.length]);
    firsts.push(c);
    classPairs += model.pairStart[c + 1]! - model.pairStart[c]!;
  }
  if (classPairs * minShrink > model.pairWeight.length) return null;
  const first = Int32Array.from(firsts);
  const k = first.length;
  const count = new Float64Array(k);
  for (let c = 0; c < model.n; c++) count[classOf[c]!]!++;
  const { source: _source, ...rows } = copyPairs(model, first);
  const penalty = Float64Array.from(first, (c) => model.penalty[c]!);
  const classFixed = new Int32Array(k).fill(-3);
  for (let j = 0; j < k; j++) {
    const c = first[j]!;
    const f = fixed[c]!;
    if (f !== -3) classFixed[j] = f < 0 ? f : rows.pairStart[j]! + (f - model.pairStart[c]!);
  }
  return {
    model: {
      n: k,
      m: model.m,
      resources: model.resources,
      capacity: model.capacity,
      penalty,
      ...rows,
      members: [],
      itemOf: new Int32Array(0),
    },
    count,
    fixed: classFixed,
    classOf,
    first,
  };
}
