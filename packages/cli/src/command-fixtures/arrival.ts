/** Fixtures for the after-arrival commands: an arrived case of the allocation, with consent. */
import { seeder, type FixtureGroup } from './fixture.js';

/** An arrived case with a destination and referral consent for its members. */
let caseId = '';

/** The after-arrival commands' fixtures. */
export const arrivalFixtures: FixtureGroup = {
  async setup(store) {
    const plan = await store.plans.current('allocation');
    const row = plan?.assignments.filter((a) => a.destinationId !== null).at(-1);
    if (!row) throw new Error('the fixtures need an allocation plan (allocationFixtures first)');
    caseId = row.householdId;
    const destination = (await store.registry.destinations()).find(
      (d) => d.id === row.destinationId,
    )!;
    // Arrived (set directly: the fixtures test permissions, not the workflow), with its follow-ups.
    await store.db
      .updateTable('households')
      .set({ status: 'arrived' })
      .where('id', '=', caseId)
      .execute();
    await store.arrivals.confirm(
      {
        householdId: caseId,
        partner: 'fixture reception office',
        via: 'user',
        arrivedOn: '2026-11-01',
        followUps: [
          { month: 1, dueOn: '2026-12-01' },
          { month: 3, dueOn: '2027-02-01' },
          { month: 12, dueOn: '2027-11-01' },
        ],
      },
      seeder,
    );
    const members = (await store.registry.household(caseId))!.members;
    await store.consent.record(
      members.map((m) => ({
        personId: m.id,
        purpose: 'referral' as const,
        state: destination.country,
        decision: 'given' as const,
        date: '2026-10-01',
        note: null,
      })),
      seeder,
    );
  },
  fixtures: {
    // An arrived case gains one more confirmation each call (its status stays arrived).
    'arrival.confirm': {
      cli: () => [
        'arrival',
        'confirm',
        caseId,
        '--partner',
        'fixture partner',
        '--on',
        '2026-11-02',
      ],
      api: () => ({
        method: 'POST',
        url: `/api/cases/${caseId}/arrival`,
        payload: { partner: 'fixture partner', arrivedOn: '2026-11-02' },
      }),
    },
    'arrival.link': {
      cli: (k) => ['arrival', 'link', caseId, '--partner', `fixture partner ${k}`],
      api: (k) => ({
        method: 'POST',
        url: `/api/cases/${caseId}/arrival-link`,
        payload: { partner: `fixture partner ${k}` },
      }),
    },
    'arrival.followUp': {
      cli: () => ['arrival', 'follow-up', caseId, '--month', '1', '--outcome', 'settled'],
      api: () => ({
        method: 'POST',
        url: `/api/cases/${caseId}/follow-ups`,
        payload: { month: 1, outcome: 'settled' },
      }),
    },
    'arrival.handover': {
      cli: () => ['arrival', 'handover', caseId, '--out', '/dev/null'],
      api: () => ({ method: 'GET', url: `/api/cases/${caseId}/handover` }),
    },
  },
};
