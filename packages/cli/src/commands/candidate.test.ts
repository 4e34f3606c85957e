/**
 * `corridor candidate …` and `corridor schedule --budget` (issue 21 item 2) from the CLI and the
 * API: the same candidates on both, bad offers refused with field and reason and nothing written,
 * and the shape of the schedule's `--json` when candidates were on offer.
 */
import { generateDemo } from '@corridor/core';
import { describe, expect, it } from 'vitest';
import { sharedServer } from '../test-server.js';

const demo = generateDemo({ people: 60, seed: 21 });
const to = demo.destinations[0]!.id;

describe('corridor candidate from the CLI and the API', () => {
  const shared = sharedServer(demo);
  const cli = (...args: string[]) => shared.cli(...args, '--role', 'planner');
  const offer = (id: string, ...more: string[]) =>
    cli(
      ...`candidate add --id ${id} --to ${to} --seats 40 --from 2027-02-01 --until 2027-05-31 --cost 50000 --currency USD --lead-days 30 --json`.split(
        ' ',
      ),
      ...more,
    );

  it('adds and lists the same candidates on both interfaces', async () => {
    const added = await offer('CLI-1');
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toEqual({
      id: 'CLI-1',
      kind: 'charter',
      destinationId: to,
      seats: 40,
      baggageKg: 920,
      earliestDay: '2027-02-01',
      latestDay: '2027-05-31',
      departTime: '08:00',
      costMinor: 5_000_000,
      currency: 'USD',
      cost: '50,000.00 USD',
      leadTimeDays: 30,
      status: 'candidate',
      bookedMovementId: null,
      bookedDay: null,
    });
    const viaCli = JSON.parse((await cli('candidate', 'list', '--json')).stdout);
    const viaApi = (await shared.api('auditor', 'GET', '/api/candidates')).json();
    expect(viaApi).toEqual(viaCli);
    expect(viaApi.candidates.map((c: { id: string }) => c.id)).toContain('CLI-1');
  });

  it('refuses an offer without seats or with its window backwards, writing nothing', async () => {
    const noSeats = await cli(
      ...`candidate add --id BAD-1 --seats 0 --from 2027-02-01 --until 2027-05-31 --cost 1 --currency USD`.split(
        ' ',
      ),
    );
    expect(noSeats.code).not.toBe(0);
    expect(noSeats.stderr).toMatch(/candidate BAD-1 not added: seats must be at least 1, not 0/);
    const backwards = await shared.api('planner', 'POST', '/api/candidates', {
      id: 'BAD-2',
      seats: 10,
      earliestDay: '2027-05-01',
      latestDay: '2027-04-01',
      cost: '100',
      currency: 'USD',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toMatch(/latestDay 2027-04-01 is before earliestDay 2027-05-01/);
    const refused = await shared.api('movement-officer', 'DELETE', '/api/candidates/CLI-1');
    expect(refused.statusCode).toBe(403);
    const ids = (await shared.server.store.candidates.list()).map((c) => c.id);
    expect(ids).not.toContain('BAD-1');
    expect(ids).not.toContain('BAD-2');
    expect(ids).toContain('CLI-1');
  });

  it('prints the bookings, costs, budget, ratio and weights in `schedule --json`', async () => {
    expect((await offer('CLI-2', '--kind', 'convoy')).code).toBe(0);
    const allocated = await cli('allocate', '--time-limit', '5', '--json');
    expect(allocated.code, allocated.stderr).toBe(0);
    const run = await cli('schedule', '--budget', '50000', '--time-limit', '3', '--json');
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { candidates: Record<string, unknown> };
    expect(Object.keys(out.candidates).sort()).toEqual(
      [
        'offered',
        'bookable',
        'chosen',
        'currency',
        'totalCost',
        'budget',
        'exposure',
        'firstReadyFirstServed',
        'exposureRatio',
        'weights',
        'method',
        'evaluations',
        'chooseMs',
      ].sort(),
    );
    expect(out.candidates).toMatchObject({ offered: 2, currency: 'USD', budget: 50_000 });
    expect(out.candidates.totalCost as number).toBeLessThanOrEqual(50_000);
    const chosen = out.candidates.chosen as { id: string; day: string; cost: number }[];
    expect(chosen.length).toBeLessThanOrEqual(1);
    for (const b of chosen) {
      expect(b.cost).toBe(50_000);
      const movement = await shared.server.store.movements.get(b.id);
      expect(movement?.departAt.slice(0, 10)).toBe(b.day);
    }
  });
});
