/**
 * Exposure under the hazard's uncertainty (issue 21 item 3). A plan's exposure is the expected
 * number of person-incidents before departure: Σ persons × cumulative hazard up to the day they
 * leave. With only the posterior mean, two plans that bet differently on a bad month look alike;
 * sampled hazard paths from the posterior show the tail. Each path draws, for every block of
 * `blockDays` days, a level factor G ~ Gamma(k, k) (mean 1, coefficient of variation 1/√k, k the
 * posterior's shape on the block's first day), and the path's rate is mean × G on each day of
 * the block: days within a block share their uncertainty, blocks are independent. The report is
 * the mean over the paths (close to the plan's exposure) and CVaR 90%, the mean of the worst 10%
 * of paths. Deterministic: the same plan and hazard give the same figures (a seeded generator).
 * Pure: no I/O.
 */
import type { HazardDay } from './hazard.js';

/** How the paths are drawn. */
export interface RiskSampling {
  samples: number;
  blockDays: number;
  seed: number;
}

/** 400 paths, month-long blocks, seed 1. */
export const defaultRiskSampling: RiskSampling = { samples: 400, blockDays: 30, seed: 1 };

/** A plan's exposure over the sampled paths. */
export interface ExposureRisk {
  /** Mean over the paths (expected person-incidents). */
  expected: number;
  /** Mean of the worst 10% of paths (conditional value at risk at 90%). */
  cvar90: number;
  /** The 90% quantile of the paths' exposure. */
  p90: number;
  samples: number;
  blockDays: number;
}

/** Who leaves when: persons, and the day index they leave (null: not before the horizon). */
export interface Departure {
  persons: number;
  day: number | null;
}

/** mulberry32: a small, fast, seeded generator of uniforms in [0, 1). */
function uniforms(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal by Box–Muller. */
function normal(u: () => number): number {
  const a = Math.max(u(), 1e-300);
  return Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * u());
}

/** Gamma(k, 1) by Marsaglia and Tsang (2000); k < 1 through Gamma(k + 1) · U^(1/k). */
export function gammaVariate(k: number, u: () => number): number {
  if (k < 1) return gammaVariate(k + 1, u) * Math.pow(Math.max(u(), 1e-300), 1 / k);
  const d = k - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(u);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = u();
    if (w < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(w) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * The exposure of `leaving` under sampled hazard paths over `days` (day 0 = days[0]); a
 * departure on day d is exposed to days 0 … d−1, one not leaving to every day.
 */
export function exposureRisk(
  days: readonly Pick<HazardDay, 'mean' | 'shape'>[],
  leaving: readonly Departure[],
  o: RiskSampling = defaultRiskSampling,
): ExposureRisk {
  const n = days.length;
  // Persons still in the camp at the start of each day: they are exposed that day.
  const present = new Float64Array(n + 1);
  for (const l of leaving) {
    const last = l.day === null ? n : Math.max(0, Math.min(n, l.day));
    present[0] = present[0]! + l.persons;
    present[last] = present[last]! - l.persons;
  }
  for (let d = 1; d < n; d++) present[d] = present[d]! + present[d - 1]!;
  const u = uniforms(o.seed);
  const totals = new Float64Array(o.samples);
  for (let s = 0; s < o.samples; s++) {
    let total = 0;
    for (let start = 0; start < n; start += o.blockDays) {
      const k = Math.max(days[start]!.shape, 1e-3);
      const g = gammaVariate(k, u) / k;
      let block = 0;
      for (let d = start; d < Math.min(n, start + o.blockDays); d++)
        block += present[d]! * days[d]!.mean;
      total += g * block;
    }
    totals[s] = total;
  }
  const sorted = Array.from(totals).sort((a, b) => a - b);
  const tail = Math.max(1, Math.ceil(o.samples * 0.1));
  const worst = sorted.slice(o.samples - tail);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    expected: round(sorted.reduce((a, b) => a + b, 0) / o.samples),
    cvar90: round(worst.reduce((a, b) => a + b, 0) / tail),
    p90: round(sorted[Math.min(o.samples - 1, Math.floor(o.samples * 0.9))]!),
    samples: o.samples,
    blockDays: o.blockDays,
  };
}
