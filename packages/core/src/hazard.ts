/**
 * The hazard at the camp (M8): a daily incident rate with a Gamma prior, updated by weighted
 * daily counts with forgetting (discounted Poisson–Gamma), forecast with mean and 90% quantile.
 */
import { addDays, type IsoDate } from './units.js';

/** What the hazard model needs of an incident. */
export interface HazardIncident {
  /** Local day of the incident, YYYY-MM-DD. */
  day: string;
  injured: number;
  killed: number;
  confidence: 'verified' | 'credible' | 'unverified';
}

/** Model settings; the defaults are in `defaultHazardOptions`. */
export interface HazardOptions {
  /** Prior shape α0 and rate β0 of the daily rate (mean α0/β0 incidents per day). */
  priorShape: number;
  priorRate: number;
  /** Days after which an observation counts half as much. */
  halfLifeDays: number;
  /** Weight of an incident: 1 + injured·injuredWeight + killed·killedWeight, at most maxWeight. */
  injuredWeight: number;
  killedWeight: number;
  maxWeight: number;
  /** How much each confidence level counts. */
  confidence: Record<HazardIncident['confidence'], number>;
}

/**
 * Expected incidents per day at the camp before any data: the one default of the hazard prior
 * (the CLI's `--hazard-rate` and `--prior-rate`, the API's `priorRate`, the situation report).
 */
export const defaultHazardPrior = 0.02;

/** The Gamma prior whose mean is `rate` incidents per day, as much evidence as half an incident. */
export function hazardPrior(
  rate: number = defaultHazardPrior,
): Pick<HazardOptions, 'priorShape' | 'priorRate'> {
  return { priorShape: 0.5, priorRate: 0.5 / Math.max(rate, 1e-6) };
}

/** Defaults: a prior mean of `defaultHazardPrior` worth 25 days of data, a 30-day half-life. */
export const defaultHazardOptions: HazardOptions = {
  ...hazardPrior(),
  halfLifeDays: 30,
  injuredWeight: 0.2,
  killedWeight: 0.5,
  maxWeight: 5,
  confidence: { verified: 1, credible: 0.8, unverified: 0.5 },
};

/** The estimate for one day. */
export interface HazardDay {
  day: string;
  /** Weighted incidents observed that day. */
  observed: number;
  /** Posterior mean of the daily rate, from data up to the day before. */
  mean: number;
  /** 90% upper quantile of the daily rate. */
  upper90: number;
  /** Shape of the Gamma posterior of the rate (its evidence: the rate's CV is 1/√shape). */
  shape: number;
}

function lnGamma(x: number): number {
  const c = [
    76.18009172947146, -86.50532032941678, 24.01409824083091, -1.231739572450155,
    0.001208650973866179, -0.000005395239384953,
  ];
  let y = x;
  const t = x + 5.5 - (x + 0.5) * Math.log(x + 5.5);
  let s = 1.00000000019001;
  for (const ci of c) s += ci / ++y;
  return -t + Math.log((2.5066282746310002 * s) / x);
}

/** The regularised lower incomplete gamma function P(a, x). */
export function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 500; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return sum * Math.exp(-x + a * Math.log(x) - lnGamma(a));
  }
  let b = x + 1 - a;
  let c = 1e300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return 1 - Math.exp(-x + a * Math.log(x) - lnGamma(a)) * h;
}

/** The p-quantile of Gamma(shape, rate), by bisection on P (robust for small shapes). */
export function gammaQuantile(p: number, shape: number, rate: number): number {
  let lo = 0;
  let hi = Math.max(1, (shape + 10 * Math.sqrt(shape) + 10) * 2);
  while (gammaP(shape, hi) < p) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (gammaP(shape, mid) < p) lo = mid;
    else hi = mid;
    if (hi - lo < 1e-12 * hi) break;
  }
  return (lo + hi) / 2 / rate;
}

/** Severity- and confidence-weighted count of one incident. */
export function incidentWeight(i: HazardIncident, o: HazardOptions = defaultHazardOptions): number {
  const severity = Math.min(
    o.maxWeight,
    1 + o.injuredWeight * Math.max(0, i.injured) + o.killedWeight * Math.max(0, i.killed),
  );
  return severity * (o.confidence[i.confidence] ?? 0.5);
}

function nextDay(day: string): string {
  return addDays(day as IsoDate, 1);
}

/**
 * Estimates the hazard for every day from `from` to `to`. Each day's estimate uses the data before
 * it; quiet days count as data (no incident), old data fades with the half-life, and the prior
 * keeps a fading weight so the estimate never rests on a few days alone.
 */
export function estimateHazard(
  incidents: HazardIncident[],
  from: string,
  to: string,
  options: Partial<HazardOptions> = {},
): HazardDay[] {
  const o = { ...defaultHazardOptions, ...options };
  const delta = Math.pow(0.5, 1 / o.halfLifeDays);
  const byDay = new Map<string, number>();
  for (const i of incidents) byDay.set(i.day, (byDay.get(i.day) ?? 0) + incidentWeight(i, o));
  const first = incidents.reduce((m, i) => (i.day < m ? i.day : m), from);
  let shape = o.priorShape;
  let rate = o.priorRate;
  const out: HazardDay[] = [];
  for (let day = first; day <= to; day = nextDay(day)) {
    const observed = byDay.get(day) ?? 0;
    if (day >= from)
      out.push({
        day,
        observed,
        mean: shape / rate,
        upper90: gammaQuantile(0.9, shape, rate),
        shape,
      });
    shape = delta * shape + (1 - delta) * o.priorShape + observed;
    rate = delta * rate + (1 - delta) * o.priorRate + 1;
  }
  return out;
}
