/** "Why here, why not there" for one household of an allocation. */
import {
  defaultAllocationWeights,
  destinationResources,
  fit,
  ineligibility,
  medicalRatios,
  type AllocationCase,
  type AllocationDestination,
  type AllocationInput,
  type AllocationWeights,
  type EligibilityRule,
  type FitBreakdown,
} from './allocate.js';

/** Why a destination was not chosen. */
export type WhyNot =
  | { destination: string; eligible: false; rules: EligibilityRule[] }
  | {
      destination: string;
      eligible: true;
      /** Points of the whole household there, and the difference to where it is (positive: better there). */
      points: number;
      gain: number;
      /** Price of what it would use there, at the plan's resource prices, less the price of what it uses here. */
      priceCost: number;
      scarce: { resource: string; price: number; amount: number }[];
      verdict: 'lower-fit' | 'scarce-capacity' | 'linked-case' | 'plan-trade-off';
    };

/** The explanation of one case's place in the plan. */
export interface Explanation {
  case: string;
  destination: string | null;
  persons: number;
  here: { destination: string; fit: FitBreakdown; points: number } | null;
  others: WhyNot[];
  linkedWith: string[];
}

function priced(
  c: AllocationCase,
  k: number,
  prices: Record<string, number>,
  d: AllocationDestination,
) {
  const r = destinationResources(k);
  const uses: [number, number, string][] = [
    [r.persons, c.persons, `${d.id}/persons`],
    [r.cases, 1, `${d.id}/cases`],
    [r.medical, c.medicalPersons, `${d.id}/medical`],
    [r.disability, c.disabilityPersons, `${d.id}/disability`],
  ];
  const scarce = uses
    .filter(([, amount, name]) => amount > 0 && (prices[name] ?? 0) > 1e-9)
    .map(([, amount, name]) => ({ resource: name, price: prices[name]!, amount }));
  return { cost: scarce.reduce((s, x) => s + x.price * x.amount, 0), scarce };
}

/**
 * Explains case `caseId`: its fit where it is, and for every other destination either the rule
 * that excludes it or the comparison of points against the priced use of scarce places.
 */
export function explainAllocation(
  input: AllocationInput,
  assignment: Record<string, string | null>,
  prices: Record<string, number>,
  caseId: string,
  weights: AllocationWeights = defaultAllocationWeights,
): Explanation | undefined {
  const c = input.cases.find((x) => x.id === caseId);
  if (!c) return undefined;
  const ratio = medicalRatios(input.destinations);
  const chosen = assignment[caseId] ?? null;
  const hereIndex = input.destinations.findIndex((d) => d.id === chosen);
  const hereDest = input.destinations[hereIndex];
  const hereFit = hereDest ? fit(c, hereDest, weights, ratio) : null;
  const herePoints = hereFit ? hereFit.total * c.persons : -weights.unplaced * c.persons;
  const herePrice = hereDest ? priced(c, hereIndex, prices, hereDest).cost : 0;
  const linkedWith = [
    ...new Set(
      input.links
        .filter((l) => l.caseIds.includes(caseId))
        .flatMap((l) => l.caseIds)
        .filter((id) => id !== caseId),
    ),
  ];
  const others: WhyNot[] = input.destinations
    .map((d, k): WhyNot | undefined => {
      if (d.id === chosen) return undefined;
      const rules = ineligibility(c, d);
      if (rules.length > 0) return { destination: d.id, eligible: false, rules };
      const points = fit(c, d, weights, ratio).total * c.persons;
      const gain = points - herePoints;
      const { cost, scarce } = priced(c, k, prices, d);
      const priceCost = cost - herePrice;
      const verdict =
        gain <= 1e-9
          ? 'lower-fit'
          : gain < priceCost
            ? 'scarce-capacity'
            : linkedWith.length > 0
              ? 'linked-case'
              : 'plan-trade-off';
      return { destination: d.id, eligible: true, points, gain, priceCost, scarce, verdict };
    })
    .filter((x): x is WhyNot => x !== undefined);
  return {
    case: caseId,
    destination: chosen,
    persons: c.persons,
    here:
      hereDest && hereFit ? { destination: hereDest.id, fit: hereFit, points: herePoints } : null,
    others,
    linkedWith,
  };
}

const ruleText: Record<EligibilityRule, string> = {
  'household-too-large': 'the household is larger than the destination accepts',
  paused: 'the destination has paused intake for the rest of the operation',
  'requires-ties': 'the destination requires ties to the country, and the household has none',
  'no-medical-places': 'the destination offers no medical places',
  'no-disability-places': 'the destination offers no places for persons with disabilities',
  'refused-by-state': 'the host state refused the case (its procedure)',
};

/** The explanation in sentences, for people. */
export function explanationText(e: Explanation): string {
  const lines: string[] = [];
  if (e.here) {
    const f = e.here.fit;
    lines.push(
      `case ${e.case} (${e.persons} persons) goes to ${e.here.destination}: ${Math.round(e.here.points)} points ` +
        `(per person: preference ${f.rank}, ties ${f.tie}, language ${f.language}, medical fit ${f.medicalFit.toFixed(1)}, integration ${f.integration.toFixed(1)})`,
    );
  } else {
    lines.push(`case ${e.case} (${e.persons} persons) has no destination in this plan`);
  }
  if (e.linkedWith.length > 0) lines.push(`it moves together with ${e.linkedWith.join(', ')}`);
  for (const o of e.others) {
    if (!o.eligible) {
      lines.push(`not ${o.destination}: ${o.rules.map((r) => ruleText[r]).join('; ')}`);
    } else if (o.verdict === 'lower-fit') {
      lines.push(
        `not ${o.destination}: it fits less well (${Math.round(o.points)} points, ${Math.round(-o.gain)} fewer)`,
      );
    } else if (o.verdict === 'scarce-capacity') {
      const scarce = o.scarce
        .map((s) => `${s.resource} priced ${s.price.toFixed(1)} × ${s.amount}`)
        .join(', ');
      lines.push(
        `not ${o.destination}: it would fit better by ${Math.round(o.gain)} points, but its places are scarce (${scarce}; cost ${Math.round(o.priceCost)} > gain)`,
      );
    } else if (o.verdict === 'linked-case') {
      lines.push(
        `not ${o.destination}: better by ${Math.round(o.gain)} points for this case, but its linked cases go elsewhere`,
      );
    } else {
      lines.push(
        `not ${o.destination}: better by ${Math.round(o.gain)} points for this case; the plan uses those places for others`,
      );
    }
  }
  return lines.join('\n');
}
