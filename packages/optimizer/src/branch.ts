/**
 * A small depth-first branch and bound on the assignment relaxation: each node re-optimises the
 * multipliers from its parent's, removes pairs whose forced-in bound cannot beat the incumbent
 * (reduced-cost fixing) and branches on one pair of an item the relaxation places twice (or not
 * at all, or on a priced resource it overfills): that pair forced in, then that pair removed.
 */
import { optimiseMultipliers } from './assignment-bound.js';
import type { AssignmentRelaxation, Multipliers, Restriction } from './assignment-relaxation.js';

/** When the search gives up without a proof. */
export interface BranchLimits {
  deadline: number;
  maxNodes: number;
  /** Every plan's objective is an integer: a node whose bound is below incumbent + 1 is closed. */
  integral: boolean;
  /** Subgradient iterations per node (the root's multipliers come in already optimised). */
  nodeIterations: number;
}

/** What the search found: the best plan (pair per item) when better than the incumbent. */
export interface BranchOutcome {
  proved: boolean;
  objective: number;
  pairs: Int32Array | null;
  nodes: number;
}

interface Node extends Restriction {
  mu: Multipliers;
}

/** Searches for a plan better than `incumbent`; `proved` means none exists beyond what it returns. */
export function branchAndBound(
  relax: AssignmentRelaxation,
  root: Restriction,
  rootMu: Multipliers,
  incumbent: number,
  limits: BranchLimits,
): BranchOutcome {
  let objective = incumbent;
  let pairs: Int32Array | null = null;
  const cutoff = () =>
    limits.integral ? objective + 1 - 1e-6 : objective + 1e-9 * Math.max(1, Math.abs(objective));
  const stack: Node[] = [
    { allowed: root.allowed.slice(), forced: root.forced.slice(), mu: rootMu },
  ];
  let nodes = 0;
  while (stack.length > 0) {
    if (nodes >= limits.maxNodes || performance.now() > limits.deadline) {
      return { proved: false, objective, pairs, nodes };
    }
    const node = stack.pop()!;
    nodes++;
    const run = optimiseMultipliers(relax, node, node.mu, objective, {
      maxIterations: Math.max(1, limits.nodeIterations),
      deadline: limits.deadline,
      theta: 0.5,
      stall: 4,
      minTheta: 0.02,
      cutoff: cutoff(),
      onEvaluate: () => {
        const value = feasibleValue(relax, node);
        if (value !== null && value > objective + 1e-9) {
          objective = value;
          pairs = planOf(relax, node);
        }
      },
    });
    if (run.bound <= cutoff()) continue;
    // Reduced-cost fixing: a pair whose forced-in bound cannot beat the incumbent is removed.
    const limit = cutoff();
    for (let p = 0; p < relax.x.length; p++) {
      if (!node.allowed[p] || node.forced[relax.itemOfPair[p]!] !== -3) continue;
      if (relax.boundWith(p, run.bound, run.mu) <= limit) node.allowed[p] = 0;
    }
    const pick = branchPair(relax, node, run.mu);
    if (pick < 0) continue;
    const c = relax.itemOfPair[pick]!;
    const without = { allowed: node.allowed.slice(), forced: node.forced.slice(), mu: run.mu };
    without.allowed[pick] = 0;
    const withIt = { allowed: node.allowed, forced: node.forced, mu: run.mu };
    withIt.forced[c] = pick;
    stack.push(without, withIt);
  }
  return { proved: true, objective, pairs, nodes };
}

/** The relaxation's choice as a plan when it is one (no item twice, priced resources kept). */
function feasibleValue(relax: AssignmentRelaxation, node: Restriction): number | null {
  const { model } = relax;
  for (let c = 0; c < model.n; c++) if (relax.count[c]! > 1) return null;
  for (let r = 0; r < model.resources; r++)
    if (relax.priced[r] && relax.pricedUse[r]! > model.capacity[r]! + 1e-9) return null;
  let value = 0;
  for (let c = 0; c < model.n; c++) {
    const f = node.forced[c]!;
    if (f >= 0) value += model.pairWeight[f]!;
    else if (f === -1 || relax.count[c] === 0) value -= model.penalty[c]!;
  }
  for (let p = 0; p < relax.x.length; p++) if (relax.x[p]) value += model.pairWeight[p]!;
  return value;
}

/** The plan (pair per item, −1 unplaced) of a relaxation choice that `feasibleValue` accepted. */
function planOf(relax: AssignmentRelaxation, node: Restriction): Int32Array {
  const plan = Int32Array.from(node.forced, (f) => (f >= 0 ? f : -1));
  for (let p = 0; p < relax.x.length; p++) if (relax.x[p]) plan[relax.itemOfPair[p]!] = p;
  return plan;
}

/** The pair to branch on, or −1 when the relaxation's choice is optimal for the node. */
function branchPair(relax: AssignmentRelaxation, node: Restriction, mu: Multipliers): number {
  const { model } = relax;
  let pick = -1;
  let pickScore = -Infinity;
  // An item placed more than once: its most profitable copy.
  for (let c = 0; c < model.n; c++) {
    if (node.forced[c] !== -3 || relax.count[c]! < 2) continue;
    for (let p = model.pairStart[c]!; p < model.pairStart[c + 1]!; p++) {
      if (!relax.x[p]) continue;
      const score = relax.count[c]! * 1e6 + relax.profitOf(p, mu);
      if (score > pickScore) {
        pickScore = score;
        pick = p;
      }
    }
  }
  if (pick >= 0) return pick;
  // An item left out although its row has a positive multiplier: its best allowed pair.
  for (let c = 0; c < model.n; c++) {
    if (node.forced[c] !== -3 || relax.count[c] !== 0 || mu.item[c]! <= 1e-9) continue;
    for (let p = model.pairStart[c]!; p < model.pairStart[c + 1]!; p++) {
      if (!node.allowed[p]) continue;
      const score = mu.item[c]! + relax.profitOf(p, mu);
      if (score > pickScore) {
        pickScore = score;
        pick = p;
      }
    }
  }
  if (pick >= 0) return pick;
  // A priced resource overfilled: the chosen pair that uses most of it.
  for (let p = 0; p < relax.x.length; p++) {
    if (!relax.x[p]) continue;
    for (let k = model.useStart[p]!; k < model.useStart[p + 1]!; k++) {
      const r = model.useResource[k]!;
      if (!relax.priced[r] || relax.pricedUse[r]! <= model.capacity[r]! + 1e-9) continue;
      if (model.useAmount[k]! > pickScore) {
        pickScore = model.useAmount[k]!;
        pick = p;
      }
    }
  }
  if (pick >= 0) return pick;
  // A priced resource with slack and a positive price keeps the bound above the choice's value:
  // branch on any free item that still has a choice, so that the node shrinks.
  for (let c = 0; c < model.n && pick < 0; c++) {
    if (node.forced[c] !== -3) continue;
    for (let p = model.pairStart[c]!; p < model.pairStart[c + 1]!; p++) {
      if (node.allowed[p] && (pick < 0 || relax.x[p])) pick = p;
    }
  }
  return pick;
}
