/** Fixtures for the message commands: a template, a contact on a fresh person, a send to one case. */
import { seeder, type FixtureGroup } from './fixture.js';

/** A demo case every send writes to. */
let caseId = '';
/** The person each contact call sets, by fixture key. */
const made = new Map<string, string>();
/** The sent SMS each receipt call reports on, by fixture key. */
const sentSms = new Map<string, string>();
const body = (k: string) => `Appointment on {appointmentDate} (${k})`;

/** The message commands' fixtures (no channel is configured: a send skips with the reason). */
export const messageFixtures: FixtureGroup = {
  async setup(store) {
    const list = await store.registry.findCases({ limit: 1, offset: 0 });
    caseId = list.cases[0]?.id ?? '';
    if (!caseId) throw new Error('the demo has no case');
    await store.messages.setTemplate(
      { purpose: 'appointment', language: 'en', subject: 'Appointment', body: body('setup') },
      seeder,
    );
  },
  fixtures: {
    'message.templateAdd': {
      cli: (k) => [
        'message',
        'template',
        'add',
        '--purpose',
        'appointment',
        '--language',
        'en',
        '--subject',
        'Appointment',
        '--body',
        body(k),
      ],
      api: (k) => ({
        method: 'POST',
        url: '/api/messages/templates',
        payload: { purpose: 'appointment', language: 'en', subject: 'Appointment', body: body(k) },
      }),
    },
    'message.contact': {
      prepare: async (store, k) => {
        const added = await store.registry.addPerson(
          {
            householdId: caseId,
            sex: 'X',
            birthYear: 2001,
            pii: { givenName: `Mx${k}`, familyName: 'Fixture', birthDate: null },
            needs: [],
          },
          'fixture: a person to reach',
          seeder,
        );
        made.set(k, added.personId);
      },
      cli: (k) => [
        'message',
        'contact',
        '--person',
        made.get(k) ?? 'P-none',
        '--email',
        `m${k}@example.org`,
      ],
      api: (k) => ({
        method: 'POST',
        url: `/api/persons/${made.get(k) ?? 'P-none'}/contact`,
        payload: { email: `m${k}@example.org` },
      }),
    },
    'message.deliver': {
      cli: () => ['message', 'deliver'],
      api: () => ({ method: 'POST', url: '/api/messages/deliver', payload: {} }),
    },
    'message.receipt': {
      // A text the gateway took: queued, claimed and settled as sent by a worker.
      prepare: async (store, k) => {
        const [line] = await store.messages.queue(
          [
            {
              householdId: caseId,
              personId: null,
              movementId: null,
              purpose: 'appointment',
              language: 'en',
              channel: 'sms',
              status: 'queued',
              reason: null,
              facts: { appointmentDate: k },
            },
          ],
          seeder,
          new Date(),
        );
        const worker = `fixture-${k}`;
        const at = new Date();
        await store.messages.claimNext({ worker, at, staleBefore: at, batch: line!.batch });
        await store.messages.settle(line!.id, worker, {
          status: 'sent',
          attempts: 1,
          reason: null,
          at,
          disclosureId: null,
        });
        sentSms.set(k, line!.id);
      },
      cli: (k) => ['message', 'receipt', '--id', sentSms.get(k) ?? 'MS-none', '--delivered'],
      api: (k) => ({
        method: 'POST',
        url: `/api/messages/${sentSms.get(k) ?? 'MS-none'}/receipt`,
        payload: { status: 'delivered' },
      }),
    },
    'message.send': {
      cli: () => [
        'message',
        'send',
        '--purpose',
        'appointment',
        '--case',
        caseId,
        '--fact',
        'appointmentDate=2027-01-05',
      ],
      api: () => ({
        method: 'POST',
        url: '/api/messages/send',
        payload: {
          purpose: 'appointment',
          caseIds: [caseId],
          facts: { appointmentDate: '2027-01-05' },
        },
      }),
    },
  },
};
