/**
 * Special places on board as the timetable respects them (issue 22 item 5): a demo where every
 * movement declares no stretcher place but one, which takes one stretcher case with its escort;
 * the places are stored, shown and changed with the movement.
 */
import { generateDemo } from '@corridor/core';
import { backends } from '@corridor/storage/test-support';
import { describe, expect, it } from 'vitest';
import { updateMovement } from '../movement/update.js';
import { plannedOperation, type TestStore } from '../test-commands.js';
import { timetableSchedule } from './schedule.js';

const demo = generateDemo({ people: 400, seed: 3 });
const now = new Date('2026-12-07T10:00:00Z');
const backend = backends.find((b) => b.name === 'pglite')!;

describe('special places on board', () => {
  const t = plannedOperation(backend, demo, now, { schedule: false });
  const run: TestStore['run'] = (command, role, input) => t.run(command, role, input);

  it('books stretcher cases only where a stretcher and an escort are declared', async () => {
    const { cases } = await t.store.registry.planningCases(['verified', 'referred', 'accepted'], {
      travelYear: 2027,
    });
    const stretcherCases = cases.filter((c) => (c.specialSeats.stretcher ?? 0) > 0);
    expect(stretcherCases.length).toBeGreaterThan(1);
    for (const c of stretcherCases) expect(c.specialSeats.escort).toBeGreaterThanOrEqual(1);
    // Where would they go without limits?
    await run(timetableSchedule, 'planner', {});
    const before = (await t.store.plans.current('timetable'))!.assignments;
    const stretcherIds = new Set(stretcherCases.map((c) => c.id));
    const used = before.filter((a) => stretcherIds.has(a.householdId) && a.movementId);
    expect(used.length).toBeGreaterThan(1);
    // Every movement takes no stretcher but the first that carried one, which takes one.
    const open = used[0]!.movementId!;
    for (const m of await t.store.movements.list()) {
      const out = await run(updateMovement, 'movement-officer', {
        id: m.id,
        specialSeats: m.id === open ? { stretcher: 1, escort: 1 } : { stretcher: 0 },
      });
      expect(out.specialSeats).toEqual(
        m.id === open ? { stretcher: 1, escort: 1 } : { stretcher: 0 },
      );
    }
    await run(timetableSchedule, 'planner', {});
    const after = (await t.store.plans.current('timetable'))!.assignments;
    const onBoard = after.filter((a) => stretcherIds.has(a.householdId) && a.movementId);
    const perMovement = new Map<string, number>();
    for (const a of onBoard) {
      const c = stretcherCases.find((s) => s.id === a.householdId)!;
      perMovement.set(
        a.movementId!,
        (perMovement.get(a.movementId!) ?? 0) + c.specialSeats.stretcher!,
      );
    }
    expect([...perMovement.keys()].every((id) => id === open)).toBe(true);
    expect(perMovement.get(open) ?? 0).toBeLessThanOrEqual(1);
    // Cases that need no stretcher still travel.
    expect(after.filter((a) => a.movementId).length).toBeGreaterThan(onBoard.length);
  });

  it('refuses unknown kinds and clears the places with null', async () => {
    const [m] = await t.store.movements.list();
    await expect(
      run(updateMovement, 'movement-officer', { id: m!.id, specialSeats: { sofa: 1 } }),
    ).rejects.toThrow(/sofa|unrecognized/i);
    const cleared = await run(updateMovement, 'movement-officer', {
      id: m!.id,
      specialSeats: null,
    });
    expect(cleared.specialSeats).toBeNull();
    expect((await t.store.movements.get(m!.id))!.specialSeats).toBeNull();
  });
});
