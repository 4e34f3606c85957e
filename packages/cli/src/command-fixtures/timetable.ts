/** Fixtures for the timetable's write commands: schedule, re-plan, reassign a case by hand. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSchedule, silentControl } from '@corridor/commands';
import { defaultHazardPrior, preDepartureStatuses } from '@corridor/core';
import { timetableView } from '@corridor/storage';
import { seeder, type FixtureGroup } from './fixture.js';

/** A harmless disruption: the hazard as it was, from a day in the past. */
const events = [{ type: 'hazard-change', from: '2026-01-01', factor: 1 }];
const eventsFile = join(mkdtempSync(join(tmpdir(), 'corridor-fixture-')), 'events.json');

/** The case on a movement the next reassignment keeps it on (a case fits where it already is). */
const on = { caseId: '', movementId: '' };

/** The timetable commands' fixtures; setup saves a first timetable (after the allocation's). */
export const timetableFixtures: FixtureGroup = {
  async setup(store) {
    writeFileSync(eventsFile, JSON.stringify(events));
    await runSchedule(
      store,
      seeder,
      { joint: false, needsFirst: false, hazardRate: defaultHazardPrior, timeLimitMs: 1000 },
      silentControl,
    );
  },
  fixtures: {
    'timetable.schedule': {
      cli: () => ['schedule', '--time-limit', '1'],
      api: () => ({ method: 'POST', url: '/api/plans/schedule', payload: { timeLimit: 1 } }),
    },
    'timetable.replan': {
      cli: () => ['replan', '--event', eventsFile, '--time-limit', '1'],
      api: () => ({ method: 'POST', url: '/api/replan', payload: { events, timeLimit: 1 } }),
    },
    'timetable.reassignCase': {
      async prepare(store) {
        const view = (await timetableView(store, 'timetable')) ?? [];
        // A case still waiting to leave (another group's fixture may have made one arrived).
        for (const row of view.filter((m) => m.status === 'planned'))
          for (const caseId of row.cases) {
            const status = (await store.registry.household(caseId))?.status;
            if (!status || !(preDepartureStatuses as readonly string[]).includes(status)) continue;
            on.caseId = caseId;
            on.movementId = row.id;
            return;
          }
        throw new Error('the fixture timetable puts no waiting case on a planned movement');
      },
      cli: () => ['move-case', on.caseId, on.movementId, '--reason', 'fixture'],
      api: () => ({
        method: 'POST',
        url: '/api/timetable/move',
        payload: { case: on.caseId, movementId: on.movementId, reason: 'fixture' },
      }),
    },
  },
};
