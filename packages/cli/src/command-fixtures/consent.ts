/** Fixtures for recording consent: messages to a demo case's members, with a sealed note. */
import type { FixtureGroup } from './fixture.js';

/** A demo case every call records consent for. */
let caseId = '';

/** The consent commands' fixtures. */
export const consentFixtures: FixtureGroup = {
  async setup(store) {
    const list = await store.registry.findCases({ limit: 1, offset: 0 });
    caseId = list.cases[0]?.id ?? '';
    if (!caseId) throw new Error('the demo has no case');
  },
  fixtures: {
    // Back to consent for messages (the default): a declaration that changes nothing else.
    'consent.basis': {
      cli: (k) => [
        'consent',
        'basis',
        '--purpose',
        'messages',
        '--consent',
        '--reason',
        `fixture ${k}: ask each person`,
      ],
      api: (k) => ({
        method: 'POST',
        url: '/api/consent/basis',
        payload: { purpose: 'messages', basis: 'consent', reason: `fixture ${k}: ask each person` },
      }),
    },
    'consent.record': {
      cli: (k) => [
        'consent',
        'record',
        '--case',
        caseId,
        '--purpose',
        'messages',
        '--given',
        '--date',
        '2026-11-01',
        '--note',
        `fixture ${k}`,
      ],
      api: (k) => ({
        method: 'POST',
        url: `/api/cases/${caseId}/consent`,
        payload: {
          purpose: 'messages',
          decision: 'given',
          date: '2026-11-01',
          note: `fixture ${k}`,
        },
      }),
    },
  },
};
