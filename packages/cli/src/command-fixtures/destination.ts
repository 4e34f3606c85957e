/** Fixtures for the negotiation commands: destinations and pledges of their own ids per call. */
import { DestinationSchema, PledgeSchema } from '@corridor/core';
import { seeder, type FixtureGroup } from './fixture.js';

const rules = (id: string) =>
  DestinationSchema.parse({
    id,
    country: 'DEU',
    name: `State ${id}`,
    maxHouseholdSize: 20,
    medicalPlaces: 0,
    disabilityPlaces: 0,
    languages: [],
    requiresTies: false,
    leadTimeDays: 0,
    arrivalAirports: [],
    pauses: [],
  });

/** The negotiation commands' fixtures. */
export const destinationFixtures: FixtureGroup = {
  fixtures: {
    'destination.add': {
      cli: (k) => [
        'destination',
        'add',
        `NA-${k}`,
        '--country',
        'DEU',
        '--name',
        'New state',
        '--reason',
        'offer received',
      ],
      api: (k) => ({
        method: 'POST',
        url: '/api/destinations',
        payload: { id: `NA-${k}`, country: 'DEU', name: 'New state', reason: 'offer received' },
      }),
    },
    'destination.update': {
      prepare: async (store, k) => {
        await store.pledges.setDestination(rules(`NU-${k}`), 'fixture', seeder);
      },
      cli: (k) => ['destination', 'edit', `NU-${k}`, '--lead-days', '30', '--reason', 'new rule'],
      api: (k) => ({
        method: 'PATCH',
        url: `/api/destinations/NU-${k}`,
        payload: { leadTimeDays: 30, reason: 'new rule' },
      }),
    },
    'pledge.set': {
      prepare: async (store, k) => {
        await store.pledges.setDestination(rules(`NP-${k}`), 'fixture', seeder);
      },
      cli: (k) => [
        'pledge',
        'set',
        '--destination',
        `NP-${k}`,
        '--from',
        '2030-01-01',
        '--to',
        '2030-06-30',
        '--persons',
        '40',
        '--cases',
        '10',
        '--reason',
        'agreed at the meeting',
      ],
      api: (k) => ({
        method: 'POST',
        url: '/api/pledges',
        payload: {
          destinationId: `NP-${k}`,
          periodStart: '2030-01-01',
          periodEnd: '2030-06-30',
          persons: 40,
          cases: 10,
          reason: 'agreed at the meeting',
        },
      }),
    },
    'pledge.remove': {
      prepare: async (store, k) => {
        await store.pledges.setDestination(rules(`NR-${k}`), 'fixture', seeder);
        await store.pledges.setPledge(
          PledgeSchema.parse({
            destinationId: `NR-${k}`,
            periodStart: '2030-01-01',
            periodEnd: '2030-06-30',
            persons: 40,
            cases: 10,
            medicalPlaces: 0,
          }),
          'fixture',
          seeder,
        );
      },
      cli: (k) => [
        'pledge',
        'remove',
        '--destination',
        `NR-${k}`,
        '--from',
        '2030-01-01',
        '--reason',
        'withdrawn',
      ],
      api: (k) => ({
        method: 'POST',
        url: '/api/pledges/remove',
        payload: { destinationId: `NR-${k}`, periodStart: '2030-01-01', reason: 'withdrawn' },
      }),
    },
  },
};
