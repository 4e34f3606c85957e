/** Fixtures for the candidate-movement commands (offers the timetable may book). */
import type { IsoDate } from '@corridor/core';
import { seeder, type FixtureGroup } from './fixture.js';

const window = { earliestDay: '2031-06-01', latestDay: '2031-06-30' } as const;

/** The candidate commands' fixtures: fresh ids to add, a candidate made per call to remove. */
export const candidateFixtures: FixtureGroup = {
  fixtures: {
    'candidate.add': {
      cli: (k) => [
        'candidate',
        'add',
        '--id',
        `CAND-${k}`,
        '--seats',
        '120',
        '--from',
        window.earliestDay,
        '--until',
        window.latestDay,
        '--cost',
        '90000',
        '--currency',
        'USD',
      ],
      api: (k) => ({
        method: 'POST',
        url: '/api/candidates',
        payload: { id: `CAND-${k}`, seats: 120, ...window, cost: '90000', currency: 'USD' },
      }),
    },
    'candidate.remove': {
      prepare: (store, k) =>
        store.candidates.add(
          {
            id: `CREM-${k}`,
            kind: 'charter',
            destinationId: null,
            seats: 50,
            baggageKg: 1150,
            earliestDay: window.earliestDay as IsoDate,
            latestDay: window.latestDay as IsoDate,
            departTime: '08:00',
            costMinor: 100,
            currency: 'USD',
            leadTimeDays: 0,
          },
          seeder,
        ),
      cli: (k) => ['candidate', 'remove', `CREM-${k}`],
      api: (k) => ({ method: 'DELETE', url: `/api/candidates/CREM-${k}` }),
    },
  },
};
