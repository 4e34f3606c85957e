import { runAllocation, silentControl } from '@corridor/commands';
import { generateDemo } from '@corridor/core';
import { backends } from '@corridor/storage/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seeder, startTestServer, type TestServer } from '../test-support/test-server.js';

const demo = generateDemo({ people: 120, seed: 21 });

describe('allocation explanation and fairness routes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backends[0]!, {}, demo);
  });
  afterAll(async () => server.close());

  it('answers 400 before any allocation, then explains a case and audits fairness', async () => {
    const h = demo.households.find((x) => x.status === 'verified')!.id;
    const before = await server.as('planner', { url: `/api/allocation/explain/${h}` });
    expect([before.statusCode, before.json().message]).toEqual([
      400,
      'there is no allocation plan yet; run `corridor allocate` first',
    ]);

    const summary = await runAllocation(
      server.store,
      seeder,
      { timeLimitMs: 5000, seed: 1 },
      silentControl,
    );
    const plan = (await server.store.plans.current('allocation'))!;
    const placed = plan.assignments.find((a) => a.householdId === h)!;

    const e = (await server.as('auditor', { url: `/api/allocation/explain/${h}` })).json();
    expect(e.case).toBe(h);
    expect(e.destination).toBe(placed.destinationId);
    // Every other destination is accounted for, eligible or not.
    expect(e.others).toHaveLength(demo.destinations.length - (e.destination ? 1 : 0));
    const none = await server.as('auditor', { url: '/api/allocation/explain/C-NONE' });
    expect(none.statusCode).toBe(404);

    const f = (await server.as('auditor', { url: '/api/allocation/fairness' })).json();
    expect(f.overall.cases).toBe(plan.assignments.length);
    expect(f.overall.unplaced).toBe(summary.unplaced);
    expect(f.groups.length).toBeGreaterThan(0);
    for (const g of f.groups) expect(g.firstChoice).toBeGreaterThanOrEqual(0);
  });
});
