/** Fixtures for the movement commands (flights and convoys). */
import { seeder, type FixtureGroup } from './fixture.js';

const departAt = '2031-06-30T05:00:00+03:00';
const arriveAt = '2031-06-30T08:40:00+02:00';

/** The movement commands' fixtures: a base movement to change, fresh ids to add. */
export const movementFixtures: FixtureGroup = {
  setup: (store) =>
    store.movements.add(
      [
        {
          id: 'M-FIX',
          kind: 'charter',
          origin: 'BGW',
          destinationId: null,
          arrivalAirport: null,
          departAt,
          timezone: 'Asia/Baghdad',
          seats: 100,
          baggageKg: 2300,
          status: 'planned',
        },
      ],
      seeder,
    ),
  fixtures: {
    'movement.add': {
      cli: (k) => ['movement', 'add', '--id', `M-${k}`, '--depart', departAt, '--seats', '40'],
      api: (k) => ({
        method: 'POST',
        url: '/api/movements',
        payload: { id: `M-${k}`, departAt, seats: 40 },
      }),
    },
    'movement.update': {
      cli: () => [
        'movement',
        'set',
        'M-FIX',
        '--seats',
        '90',
        '--carrier',
        'XY',
        '--flight',
        '1234',
        '--arrive',
        arriveAt,
      ],
      api: () => ({
        method: 'PATCH',
        url: '/api/movements/M-FIX',
        payload: { seats: 90, carrier: 'XY', flightNumber: '1234', arriveAt },
      }),
    },
  },
};
