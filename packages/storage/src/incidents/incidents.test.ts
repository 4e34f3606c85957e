import { generateDemo, generateDemoIncidents } from '@corridor/core';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store.js';
import { backends } from '../test-support/backends.js';

const admin = { name: 'test-admin', role: 'admin' };

describe.each(backends)('incidents on $name', (backend) => {
  let store: Store;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ store, close } = await backend.fresh());
    await store.registry.createOperation(generateDemo({ people: 40 }), admin);
  });
  afterEach(async () => close());

  it('keeps the log with narratives encrypted, and gives the hazard model local days', async () => {
    const incidents = generateDemoIncidents();
    await store.incidents.add(incidents, admin);
    const list = await store.incidents.list();
    expect(list).toEqual(incidents);
    const raw = await sql<{
      t: string;
    }>`select string_agg(i::text, '|') as t from incidents i`.execute(store.db);
    expect(raw.rows[0]?.t).not.toContain('Rockets landed');
    const hazard = await store.incidents.forHazard();
    expect(hazard[0]).toEqual({
      day: '2027-06-30',
      injured: 12,
      killed: 0,
      confidence: 'verified',
    });
  });

  it('links the demo attacks to affected cases of the operation', async () => {
    const demo = generateDemo({ people: 40 });
    await store.incidents.add(generateDemoIncidents(demo.households), admin);
    const fire = (await store.incidents.list()).filter((i) => i.type === 'indirect-fire');
    expect(fire).toHaveLength(5);
    const ids = new Set(demo.households.map((h) => h.id));
    expect(fire.every((i) => i.cases.length > 0 && i.cases.every((c) => ids.has(c)))).toBe(true);
  });

  it('refuses bad incidents, naming each, and keeps none of the batch', async () => {
    const [good] = generateDemoIncidents();
    const bad = [
      good!,
      { ...good!, id: 'I-NEG', injured: -2 },
      { ...good!, id: 'I-T', type: 'rocket' as never },
      { ...good!, id: 'I-D', at: '30/06/2027' },
      { ...good!, id: 'I-C', cases: ['C-NONE'] },
    ];
    await expect(store.incidents.add(bad, admin)).rejects.toThrow(
      /I-NEG: injured .*; incident I-T: type .*; incident I-D: at must be an ISO 8601.*; incident I-C: cases names C-NONE, which is not a case/,
    );
    expect(await store.incidents.list()).toEqual([]);
  });
});
