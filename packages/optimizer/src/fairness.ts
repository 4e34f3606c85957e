/** The fairness audit of an allocation: achieved preference rank by group. */
import type { AllocationInput } from './allocate.js';

/** How one group fared. */
export interface GroupFairness {
  dimension: string;
  group: string;
  cases: number;
  /** Share of cases that got their first choice. */
  firstChoice: number;
  /** Share of cases that got any ranked choice. */
  anyChoice: number;
  /** Mean achieved rank (unranked destination = number of wishes + 1; unplaced excluded). */
  meanRank: number;
  unplaced: number;
  /** Two-proportion z statistic of the first-choice share against everyone else. */
  z: number;
  /** True when the group is systematically worse: first-choice share ≥ 10 points below the rest, |z| ≥ 1.96, n ≥ 20. */
  flagged: boolean;
}

/** The audit: overall figures and every group on every dimension. */
export interface FairnessReport {
  overall: {
    cases: number;
    firstChoice: number;
    anyChoice: number;
    meanRank: number;
    unplaced: number;
  };
  groups: GroupFairness[];
  flagged: GroupFairness[];
}

function sizeBand(persons: number): string {
  if (persons <= 1) return '1';
  if (persons <= 3) return '2-3';
  if (persons <= 5) return '4-5';
  return '6+';
}

/**
 * Compares groups by household size, specific needs and any group keys the cases carry. The
 * flag rule: a group's first-choice share is at least 10 percentage points below everyone
 * else's, the two-proportion z-test gives |z| ≥ 1.96, and the group has at least 20 cases.
 */
export function fairnessAudit(
  input: AllocationInput,
  assignment: Record<string, string | null>,
  hasNeeds: (caseId: string) => boolean = (id) => {
    const c = input.cases.find((x) => x.id === id);
    return Boolean(c && (c.medicalPersons > 0 || c.disabilityPersons > 0));
  },
): FairnessReport {
  const rows = input.cases
    .filter((c) => c.preferences.length > 0)
    .map((c) => {
      const d = assignment[c.id] ?? null;
      const k = d === null ? -1 : c.preferences.indexOf(d);
      return {
        c,
        placed: d !== null,
        first: k === 0,
        any: k >= 0,
        rank: d === null ? null : k >= 0 ? k + 1 : c.preferences.length + 1,
        keys: {
          'household size': sizeBand(c.persons),
          'specific needs': hasNeeds(c.id) ? 'yes' : 'no',
          ...(c.group ?? {}),
        } as Record<string, string>,
      };
    });
  const summary = (list: typeof rows) => {
    const placed = list.filter((r) => r.placed);
    return {
      cases: list.length,
      firstChoice: list.length ? list.filter((r) => r.first).length / list.length : 0,
      anyChoice: list.length ? list.filter((r) => r.any).length / list.length : 0,
      meanRank: placed.length ? placed.reduce((s, r) => s + (r.rank ?? 0), 0) / placed.length : 0,
      unplaced: list.length - placed.length,
    };
  };
  const groups: GroupFairness[] = [];
  const dimensions = [...new Set(rows.flatMap((r) => Object.keys(r.keys)))];
  for (const dimension of dimensions) {
    const values = [
      ...new Set(rows.map((r) => r.keys[dimension]).filter((v): v is string => v !== undefined)),
    ].sort();
    for (const group of values) {
      const inside = rows.filter((r) => r.keys[dimension] === group);
      const outside = rows.filter((r) => r.keys[dimension] !== group);
      const s = summary(inside);
      const o = summary(outside);
      const pooled =
        (s.firstChoice * s.cases + o.firstChoice * o.cases) / Math.max(1, s.cases + o.cases);
      const se = Math.sqrt(
        pooled * (1 - pooled) * (1 / Math.max(1, s.cases) + 1 / Math.max(1, o.cases)),
      );
      const z = se > 0 ? (s.firstChoice - o.firstChoice) / se : 0;
      const flagged =
        s.cases >= 20 && o.cases > 0 && o.firstChoice - s.firstChoice >= 0.1 && Math.abs(z) >= 1.96;
      groups.push({ dimension, group, ...s, z, flagged });
    }
  }
  return { overall: summary(rows), groups, flagged: groups.filter((g) => g.flagged) };
}
