import { describe, expect, it } from 'vitest';
import { procedureStanding } from '../procedures.js';
import {
  finalGroup,
  finalGroupSize,
  finalMovementSeats,
  generateDemoProcedures,
} from './final-group.js';
import { generateDemo } from './generate.js';

const sizeOf = (demo: ReturnType<typeof generateDemo>, ids: readonly string[]) =>
  demo.persons.filter((p) => ids.includes(p.householdId)).length;

describe('the demo’s final group', () => {
  const demo = generateDemo();
  const group = finalGroup(demo, finalMovementSeats);

  it('is exactly 280 persons of verified cases with no link, tie or medical need', () => {
    expect(sizeOf(demo, group)).toBe(280);
    const status = new Map(demo.households.map((h) => [h.id, h.status]));
    const linked = new Set(demo.links.flatMap((l) => [l.a, l.b]));
    const tied = new Set(demo.ties.map((t) => t.householdId));
    const medical = new Set(
      demo.needs
        .filter((n) => n.code === 'SM' || n.code === 'DS')
        .map((n) => demo.persons.find((p) => p.id === n.personId)!.householdId),
    );
    const eligible = (id: string) =>
      ['verified', 'referred', 'accepted'].includes(status.get(id)!) &&
      !linked.has(id) &&
      !tied.has(id) &&
      !medical.has(id);
    for (const id of group) expect(eligible(id)).toBe(true);
    // Taken from the end of the register: the last eligible case is in it.
    const last = demo.households.map((h) => h.id).findLast(eligible)!;
    expect(group).toContain(last);
  });

  it('asks for the main host state first', () => {
    for (const id of group) {
      const first = demo.preferences.find((p) => p.householdId === id && p.rank === 1);
      expect(first?.destinationId).toBe('ALB');
    }
  });

  it('is ready three days before the window’s end by the main state’s typical durations', () => {
    const { templates, steps } = generateDemoProcedures(demo);
    expect(templates.map((t) => t.state)).toEqual(['ALB']);
    expect(new Set(steps.map((s) => s.caseId))).toEqual(new Set(group));
    const standing = procedureStanding(
      templates[0]!,
      steps.filter((s) => s.caseId === group[0]),
      demo.operation.windowStart,
    );
    expect(standing.expectedReadyDate).toBe('2031-06-27');
    expect(standing.pendingSteps).toEqual(['visa', 'exit-permit', 'fit-to-travel']);
    expect(standing.refused).toBe(false);
  });

  it('scales down in a smaller demo', () => {
    const small = generateDemo({ people: 300 });
    const pledged = small.pledges
      .filter((p) => p.destinationId === 'ALB')
      .reduce((s, p) => s + p.persons, 0);
    const size = finalGroupSize(pledged);
    expect(size).toBeLessThan(finalMovementSeats);
    expect(size).toBeGreaterThan(20);
    expect(sizeOf(small, finalGroup(small, size))).toBe(size);
    expect(finalGroupSize(10_000)).toBe(finalMovementSeats);
    expect(finalGroupSize(0)).toBe(0);
  });
});
