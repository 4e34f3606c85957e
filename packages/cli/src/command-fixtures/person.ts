/** Fixtures for the hand edits of a person: add to a case, correct, remove a record added by mistake. */
import type { Store } from '@corridor/storage';
import { seeder, type FixtureGroup } from './fixture.js';

/** A registered case (not yet planned, so the planning fixtures do not meet its new members). */
let caseId = '';
/** The person each call corrects or removes, by fixture key. */
const made = new Map<string, string>();

async function freshPerson(store: Store, k: string): Promise<void> {
  const added = await store.registry.addPerson(
    {
      householdId: caseId,
      sex: 'X',
      birthYear: 2019,
      pii: { givenName: `Fx${k}`, familyName: 'Fixture', birthDate: null },
      needs: [],
    },
    'fixture: a record to edit',
    seeder,
  );
  made.set(k, added.personId);
}

const personOf = (k: string) => made.get(k) ?? 'P-none';

/** The person commands' fixtures (person.erase is with the user fixtures). */
export const personFixtures: FixtureGroup = {
  async setup(store) {
    const list = await store.registry.findCases({ limit: 500, offset: 0 });
    const row = list.cases.filter((c) => c.status === 'registered').at(-1) ?? list.cases.at(-1);
    if (!row) throw new Error('the demo has no case');
    caseId = row.id;
  },
  fixtures: {
    'person.add': {
      cli: (k) => [
        'person',
        'add',
        '--case',
        caseId,
        '--given-name',
        `New${k}`,
        '--family-name',
        'Fixture',
        '--sex',
        'x',
        '--birth-date',
        '2020-01-01',
        '--reason',
        `fixture ${k}`,
      ],
      api: (k) => ({
        method: 'POST',
        url: `/api/cases/${caseId}/persons`,
        payload: {
          givenName: `New${k}`,
          familyName: 'Fixture',
          sex: 'X',
          birthDate: '2020-01-01',
          reason: `fixture ${k}`,
        },
      }),
    },
    'person.update': {
      prepare: (store, k) => freshPerson(store, k),
      cli: (k) => [
        'person',
        'edit',
        personOf(k),
        '--given-name',
        `Fixed${k}`,
        '--version',
        '1',
        '--reason',
        'fixture: spelling',
      ],
      api: (k) => ({
        method: 'PATCH',
        url: `/api/persons/${personOf(k)}`,
        payload: { version: 1, givenName: `Fixed${k}`, reason: 'fixture: spelling' },
      }),
    },
    'person.remove': {
      prepare: (store, k) => freshPerson(store, k),
      cli: (k) => ['person', 'remove', personOf(k), '--reason', 'fixture: added by mistake'],
      api: (k) => ({
        method: 'POST',
        url: `/api/persons/${personOf(k)}/remove`,
        payload: { reason: 'fixture: added by mistake' },
      }),
    },
  },
};
