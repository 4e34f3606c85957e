/**
 * Ejection chains for single-resource GAPs, after Yagiura, Ibaraki and Glover (INFORMS J.
 * Computing 2004, EJOR 2006): a local search over shift, swap and ejection-chain moves (item 1
 * to bin 2, ejecting item 2 to bin 3, …) scored by weight less adaptive per-bin penalties on
 * capacity excess. At every local optimum the penalties of bins over capacity rise and the others
 * fall (strategic oscillation around the feasibility boundary); the best feasible plan is kept.
 */
import type { Random } from '@corridor/core';
import type { GapShape } from './gap-shape.js';
import type { PlanState } from './state.js';

const eps = 1e-9;
/** Factors of a bin's penalty at a local optimum over capacity (bins over it), and at a feasible one. */
const raise = 1.5;
const relax = 0.9;
/** Items an ejection chain moves at most. */
const maxDepth = 4;
/**
 * Moves between two penalty updates at most, as a share of the items: a descent from deep
 * infeasibility (or far into it) takes thousands of moves on 80 × 1600, and the penalties should
 * steer it before it ends (measured: without the cap d801600 did not finish its first descent in
 * 6 s).
 */
const movesPerUpdate = 0.25;

/** When a run stops. */
export interface ChainLimits {
  /** Moves at most (the deterministic knob); each local optimum counts as one more. */
  maxMoves: number;
  deadline: number;
  /** Local optima in a row without a better feasible plan before the run ends. */
  patience: number;
  /** Stop once a feasible plan reaches this objective (the proved bound). */
  stopAt?: number;
  /** Called every 1,024 moves or so with the best objective; returning false stops the run. */
  report: (moves: number, best: number) => boolean;
  /** Called after every move (for tests). */
  onMove?: () => void;
}

/** The search, holding its penalties from one run to the next. */
export class EjectionChains {
  private readonly alpha: Float64Array;
  private readonly floor: Float64Array;
  private readonly members: Int32Array;
  private readonly size: Int32Array;
  private readonly slot: Int32Array;
  private readonly bin: Int32Array;
  /** Load less capacity of each bin (kept by `place`). */
  private readonly load: Float64Array;
  /** Load changes of the chain under evaluation, per bin. */
  private readonly pend: Float64Array;
  private readonly chainItems = new Int32Array(maxDepth);
  private readonly chainBins = new Int32Array(maxDepth);
  /** Best weight of each item among its candidate bins. */
  private readonly topWeight: Float64Array;
  private excess = 0;
  private bestObjective = -Infinity;
  private best: Int32Array;

  constructor(
    private readonly state: PlanState,
    private readonly shape: GapShape,
    prices: Float64Array,
    private readonly random: Random,
  ) {
    const { model } = state;
    const { m, n } = model;
    let weightSum = 0;
    let useSum = 0;
    for (let p = 0; p < model.pairWeight.length; p++) {
      weightSum += Math.abs(model.pairWeight[p]!);
      useSum += shape.amount[p]!;
    }
    const base = useSum > 0 ? Math.max(weightSum / useSum, eps) : 1;
    this.floor = Float64Array.from(shape.resourceOf, (r) =>
      Math.max(r >= 0 ? prices[r]! : 0, base * 1e-3),
    );
    // Four times the mean weight per unit of use at first: the first descents stay near the
    // feasible region and improve the plan there before the penalties fall (measured on d801600:
    // starting at 1× it went deep into infeasibility and found no better plan within 5 s).
    this.alpha = Float64Array.from(this.floor, (f) => Math.max(f, base) * 4);
    this.members = new Int32Array(m * n);
    this.size = new Int32Array(m);
    this.slot = new Int32Array(n);
    this.bin = new Int32Array(n);
    this.pend = new Float64Array(m);
    this.load = new Float64Array(m);
    this.best = state.snapshot();
    this.topWeight = new Float64Array(n).fill(-Infinity);
    for (let c = 0; c < n; c++)
      for (let t = 0; t < shape.candidateCount[c]!; t++) {
        const p = shape.pairAt[c * m + shape.candidates[c * shape.k + t]!]!;
        this.topWeight[c] = Math.max(this.topWeight[c]!, model.pairWeight[p]!);
      }
  }

  /**
   * Improves the plan in `state` (capacities may be broken at the start) and leaves the best
   * feasible plan found in it, or the start when none was. Returns the moves made.
   */
  run(limits: ChainLimits): number {
    const { state } = this;
    const { model } = state;
    this.best = state.snapshot();
    this.sync();
    this.bestObjective = this.excess <= 1e-7 ? state.objective : -Infinity;
    // Unplaced items go to their best candidate bin, capacities ignored, when that beats their penalty.
    for (let c = 0; c < model.n; c++) {
      if (this.bin[c]! >= 0 || this.shape.candidateCount[c] === 0) continue;
      const b = this.shape.candidates[c * this.shape.k]!;
      if (model.pairWeight[this.shape.pairAt[c * model.m + b]!]! > -model.penalty[c]!)
        this.place(c, b);
    }
    this.record();
    let moves = 0;
    let since = 0;
    let nextReport = 1024;
    while (moves < limits.maxMoves && performance.now() <= limits.deadline) {
      const before = this.bestObjective;
      const budget = Math.min(limits.maxMoves - moves, Math.ceil(movesPerUpdate * model.n));
      moves += this.descend(limits, budget) + 1;
      if (moves >= nextReport) {
        nextReport = moves + 1024;
        if (!limits.report(moves, this.bestObjective)) break;
      }
      if (this.bestObjective >= (limits.stopAt ?? Infinity) - eps) break;
      if (this.bestObjective > before + eps) since = 0;
      else if (++since > limits.patience) break;
      this.adapt();
    }
    state.restore(this.best);
    return moves;
  }

  /** Rebuilds bins, member lists and the total excess from `state`. */
  private sync(): void {
    const { model, pair } = this.state;
    this.size.fill(0);
    for (let c = 0; c < model.n; c++) {
      const p = pair[c]!;
      const b = p >= 0 ? model.pairBin[p]! : -1;
      this.bin[c] = b;
      if (b >= 0) this.push(c, b);
    }
    this.excess = 0;
    for (let b = 0; b < model.m; b++) {
      this.refresh(b);
      this.excess += this.over(b);
    }
  }

  /** Capacity excess of bin b now. */
  private over(b: number): number {
    return Math.max(0, this.load[b]!);
  }

  /** Load less capacity of bin b, from `state` (−Infinity for a bin without a resource). */
  private refresh(b: number): void {
    const r = this.shape.resourceOf[b]!;
    this.load[b] = r < 0 ? -Infinity : this.state.usage[r]! - this.state.model.capacity[r]!;
  }

  /** Penalty added by changing bin b's load by `change`, on top of the pending changes. */
  private cost(b: number, change: number): number {
    const load = this.load[b]! + this.pend[b]!;
    return this.alpha[b]! * (Math.max(0, load + change) - Math.max(0, load));
  }

  private push(c: number, b: number): void {
    const n = this.state.model.n;
    this.slot[c] = this.size[b]!;
    this.members[b * n + this.size[b]!++] = c;
  }

  /** Moves item c to bin b, keeping member lists and the total excess. */
  private place(c: number, b: number): void {
    const { model } = this.state;
    const from = this.bin[c]!;
    if (from === b) return;
    this.excess -= (from >= 0 ? this.over(from) : 0) + this.over(b);
    if (from >= 0) {
      const last = this.members[from * model.n + --this.size[from]!]!;
      this.members[from * model.n + this.slot[c]!] = last;
      this.slot[last] = this.slot[c]!;
    }
    this.state.move(c, this.shape.pairAt[c * model.m + b]!);
    if (from >= 0) this.refresh(from);
    this.refresh(b);
    this.bin[c] = b;
    this.push(c, b);
    this.excess += (from >= 0 ? this.over(from) : 0) + this.over(b);
  }

  /** Keeps the plan when it is feasible and the best so far. */
  private record(): void {
    if (this.excess > 1e-7 || this.state.objective <= this.bestObjective + eps) return;
    let exact = 0;
    for (let b = 0; b < this.state.model.m; b++) exact += this.over(b);
    this.excess = exact;
    if (exact > 1e-7) return;
    this.bestObjective = this.state.objective;
    this.best = this.state.snapshot();
  }

  private moved(limits: ChainLimits): void {
    this.record();
    limits.onMove?.();
  }

  /** Local search to a local optimum of the penalised objective, or `budget` moves; returns the moves. */
  private descend(limits: ChainLimits, budget: number): number {
    const n = this.state.model.n;
    let made = 0;
    for (;;) {
      let improved = 0;
      for (const chains of [false, true]) {
        const offset = this.random.int(0, n - 1);
        for (let s = 0; s < n; s++) {
          if ((s & 15) === 0 && performance.now() > limits.deadline) return made + improved;
          const c = (s + offset) % n;
          if (this.bin[c]! < 0) continue;
          const gain = chains ? this.chain(c) : this.shift(c) || this.swap(c);
          if (gain) {
            improved++;
            this.moved(limits);
          }
        }
        // Chains only where no shift or swap is left.
        if (improved > 0) break;
      }
      made += improved;
      if (improved === 0 || made >= budget) return made;
    }
  }

  /** The best shift of item c to any bin, when it improves the penalised objective. */
  private shift(c: number): boolean {
    const { model } = this.state;
    const { m, pairWeight } = model;
    const { pairAt, amount } = this.shape;
    const from = this.bin[c]!;
    const p0 = pairAt[c * m + from]!;
    const out = model.pairWeight[p0]! - this.cost(from, -amount[p0]!);
    let bestGain = eps;
    let target = -1;
    for (let b = 0; b < m; b++) {
      const p = pairAt[c * m + b]!;
      if (b === from || p < 0) continue;
      const gain = pairWeight[p]! - out - this.cost(b, amount[p]!);
      if (gain > bestGain) {
        bestGain = gain;
        target = b;
      }
    }
    if (target < 0) return false;
    this.place(c, target);
    return true;
  }

  /** The best swap of item c with an item of one of its candidate bins, when it improves. */
  private swap(c: number): boolean {
    const { model } = this.state;
    const { m, n, pairWeight: w } = model;
    const { pairAt, amount, candidates, candidateCount, k } = this.shape;
    const from = this.bin[c]!;
    const p0 = pairAt[c * m + from]!;
    let bestGain = eps;
    let partner = -1;
    for (let t = 0; t < candidateCount[c]!; t++) {
      const b = candidates[c * k + t]!;
      if (b === from) continue;
      const p = pairAt[c * m + b]!;
      for (let s = 0; s < this.size[b]!; s++) {
        const d = this.members[b * n + s]!;
        const q = pairAt[d * m + from]!;
        if (q < 0) continue;
        const pd = pairAt[d * m + b]!;
        const gain =
          w[p]! +
          w[q]! -
          w[p0]! -
          w[pd]! -
          this.cost(from, amount[q]! - amount[p0]!) -
          this.cost(b, amount[p]! - amount[pd]!);
        if (gain > bestGain) {
          bestGain = gain;
          partner = d;
        }
      }
    }
    if (partner < 0) return false;
    const b = this.bin[partner]!;
    this.place(c, b);
    this.place(partner, from);
    return true;
  }

  /**
   * The best ejection chain started by item c: c to one of its candidate bins, one item of that
   * bin out to one of its own candidate bins, and so on (each level continues from the best
   * chain of the level before), applied when it improves the penalised objective.
   */
  private chain(c: number): boolean {
    const { model } = this.state;
    const { m, n, pairWeight: w } = model;
    const { pairAt, amount, candidates, candidateCount, k } = this.shape;
    const { pend, chainItems, chainBins, load, alpha } = this;
    const home = this.bin[c]!;
    const p0 = pairAt[c * m + home]!;
    for (let t = 0; t < candidateCount[c]!; t++) {
      const first = candidates[c * k + t]!;
      if (first === home) continue;
      const p1 = pairAt[c * m + first]!;
      let value = w[p1]! - w[p0]! - this.cost(home, -amount[p0]!);
      pend[home] = -amount[p0]!;
      value -= this.cost(first, amount[p1]!);
      pend[first] = pend[first]! + amount[p1]!;
      chainItems[0] = c;
      chainBins[0] = first;
      let depth = 1;
      let from = first;
      let found = false;
      for (; depth < maxDepth; depth++) {
        let bestValue = -Infinity;
        let ejected = -1;
        let to = -1;
        for (let s = 0; s < this.size[from]!; s++) {
          const d = this.members[from * n + s]!;
          let used = false;
          for (let level = 0; level < depth && !used; level++) used = chainItems[level] === d;
          if (used) continue;
          const pd = pairAt[d * m + from]!;
          const out = value - w[pd]! - this.cost(from, -amount[pd]!);
          // Adding load never lowers a penalty: d cannot end above its best candidate weight.
          if (out + this.topWeight[d]! <= bestValue) continue;
          pend[from] = pend[from]! - amount[pd]!;
          for (let u = 0; u < candidateCount[d]!; u++) {
            const e = candidates[d * k + u]!;
            if (e === from) continue;
            const q = pairAt[d * m + e]!;
            // this.cost(e, amount[q]), inlined: the innermost loop of the search.
            const l = load[e]! + pend[e]!;
            const v = out + w[q]! - alpha[e]! * (Math.max(0, l + amount[q]!) - Math.max(0, l));
            if (v > bestValue) {
              bestValue = v;
              ejected = d;
              to = e;
            }
          }
          pend[from] = pend[from]! + amount[pd]!;
        }
        if (ejected < 0) break;
        const pd = pairAt[ejected * m + from]!;
        const q = pairAt[ejected * m + to]!;
        pend[from] = pend[from]! - amount[pd]!;
        pend[to] = pend[to]! + amount[q]!;
        value = bestValue;
        chainItems[depth] = ejected;
        chainBins[depth] = to;
        from = to;
        if (value > eps) {
          found = true;
          depth++;
          break;
        }
      }
      pend.fill(0);
      if (found) {
        for (let level = 0; level < depth; level++)
          this.place(chainItems[level]!, chainBins[level]!);
        return true;
      }
    }
    return false;
  }

  /**
   * At a local optimum over capacity, raises the penalty of every bin over capacity (the others
   * keep theirs, so the excess is not pushed into them); at a feasible one, lowers every penalty
   * towards its floor, so the search leaves the feasible region again.
   */
  private adapt(): void {
    const feasible = this.excess <= 1e-7;
    for (let b = 0; b < this.alpha.length; b++) {
      if (feasible) this.alpha[b] = Math.max(this.floor[b]!, this.alpha[b]! * relax);
      else if (this.over(b) > eps) this.alpha[b]! *= raise;
    }
  }
}
