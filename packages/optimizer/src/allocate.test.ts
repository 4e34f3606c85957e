import { describe, expect, it } from 'vitest';
import {
  buildAllocationInstance,
  defaultAllocationWeights,
  ineligibility,
  type AllocationCase,
  type AllocationDestination,
  type AllocationInput,
} from './allocate.js';
import { explainAllocation } from './explain.js';
import { fairnessAudit } from './fairness.js';
import { solve } from './solve.js';

function buildCase(over: Partial<AllocationCase> & { id: string }): AllocationCase {
  return {
    persons: 2,
    medicalPersons: 0,
    disabilityPersons: 0,
    languages: ['ar'],
    preferences: ['A', 'B'],
    ties: [],
    ...over,
  };
}

function buildDestination(
  over: Partial<AllocationDestination> & { id: string },
): AllocationDestination {
  return {
    persons: 100,
    cases: 50,
    medicalPlaces: 5,
    disabilityPlaces: 5,
    maxHouseholdSize: 8,
    languages: ['en'],
    requiresTies: false,
    paused: false,
    ...over,
  };
}

function assignmentOf(input: AllocationInput, bins: Int32Array): Record<string, string | null> {
  return Object.fromEntries(
    input.cases.map((c, i) => [c.id, bins[i]! >= 0 ? input.destinations[bins[i]!]!.id : null]),
  );
}

describe('allocation model', () => {
  it('names every rule that excludes a destination', () => {
    const c = buildCase({ id: 'C1', persons: 9, medicalPersons: 1 });
    const d = buildDestination({
      id: 'X',
      maxHouseholdSize: 6,
      requiresTies: true,
      medicalPlaces: 0,
      paused: true,
    });
    expect(ineligibility(c, d)).toEqual([
      'household-too-large',
      'paused',
      'requires-ties',
      'no-medical-places',
    ]);
    expect(
      ineligibility(
        buildCase({ id: 'C2', ties: ['X'] }),
        buildDestination({ id: 'X', requiresTies: true }),
      ),
    ).toEqual([]);
  });

  it('gives first wishes when places allow, and explains why not elsewhere', () => {
    const input: AllocationInput = {
      cases: [
        buildCase({ id: 'C1', persons: 3 }),
        buildCase({ id: 'C2', persons: 2, preferences: ['B'] }),
        buildCase({ id: 'C3', persons: 4, preferences: ['A'] }),
      ],
      links: [],
      destinations: [
        buildDestination({ id: 'A', persons: 4 }),
        buildDestination({ id: 'B', persons: 10 }),
        buildDestination({ id: 'G', requiresTies: true }),
      ],
    };
    const result = solve(buildAllocationInstance(input));
    const assignment = assignmentOf(input, result.assignment);
    expect(assignment).toEqual({ C1: 'B', C2: 'B', C3: 'A' });
    const prices = Object.fromEntries(result.resources.map((r) => [r.name, r.price]));
    const e = explainAllocation(input, assignment, prices, 'C1')!;
    expect(e.here?.destination).toBe('B');
    const a = e.others.find((o) => o.destination === 'A')!;
    expect(a).toMatchObject({ eligible: true });
    expect(a.eligible && a.gain).toBeGreaterThan(0);
    expect(a.eligible && ['scarce-capacity', 'plan-trade-off']).toContain(a.eligible && a.verdict);
    expect(e.others.find((o) => o.destination === 'G')).toEqual({
      destination: 'G',
      eligible: false,
      rules: ['requires-ties'],
    });
  });

  it('keeps linked cases in one destination', () => {
    const input: AllocationInput = {
      cases: [
        buildCase({ id: 'C1', preferences: ['A'] }),
        buildCase({ id: 'C2', preferences: ['B'] }),
      ],
      links: [{ caseIds: ['C1', 'C2'], kind: 'settle-together' }],
      destinations: [buildDestination({ id: 'A' }), buildDestination({ id: 'B' })],
    };
    const result = solve(buildAllocationInstance(input));
    expect(result.assignment[0]).toBe(result.assignment[1]);
  });

  it('flags a group that systematically gets worse outcomes', () => {
    const cases: AllocationCase[] = [];
    const assignment: Record<string, string | null> = {};
    for (let i = 0; i < 60; i++) {
      const id = `C${i}`;
      const origin = i < 30 ? 'P' : 'Q';
      cases.push(buildCase({ id, group: { origin } }));
      assignment[id] = origin === 'P' ? 'A' : i % 5 === 0 ? 'A' : 'B';
    }
    const input: AllocationInput = {
      cases,
      links: [],
      destinations: [buildDestination({ id: 'A' }), buildDestination({ id: 'B' })],
    };
    const report = fairnessAudit(input, assignment);
    expect(report.flagged.map((g) => `${g.dimension}=${g.group}`)).toEqual(['origin=Q']);
    expect(report.overall.cases).toBe(60);
  });

  it('weighs people, not cases, with documented defaults', () => {
    expect(defaultAllocationWeights.rank[0]).toBe(100);
    const input: AllocationInput = {
      cases: [buildCase({ id: 'C1', persons: 5 })],
      links: [],
      destinations: [buildDestination({ id: 'A' })],
    };
    expect(buildAllocationInstance(input).items[0]?.pairs[0]?.weight).toBe(5 * (100 + 0));
  });
});
