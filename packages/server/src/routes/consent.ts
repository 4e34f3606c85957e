/** Consent per person and purpose, and the disclosure log, over HTTP (issue 20 item 4). */
import {
  declareBasis,
  listBases,
  listConsent,
  listDisclosures,
  recordConsent,
} from '@corridor/commands';
import { bindCommand } from '../bind-command.js';

const tag = 'consent';

/** `GET /api/cases/:id/consent`: the current decision per member and purpose, and the history. */
export const listConsentRoute = bindCommand('GET /api/cases/:id/consent', listConsent, {
  tag,
  params: { id: 'caseId' },
  description:
    'Per member of the case and per purpose (registration, referral per destination state, ' +
    'carrier-sharing, messages): the current decision (`none` when nothing was recorded), and ' +
    'every record oldest first. Notes are shown to roles that may see protection notes.',
});

/** `POST /api/cases/:id/consent`: records consent for every member, or one (`personId`). */
export const recordConsentRoute = bindCommand('POST /api/cases/:id/consent', recordConsent, {
  tag,
  params: { id: 'caseId' },
  description:
    'A referral names its destination `state` (ISO 3166-1 alpha-3); other purposes name none. ' +
    'The note is sealed under each person’s key; the audit event holds counts only. The latest ' +
    'record per person, purpose and state counts; earlier ones stay in the history.',
});

/** `GET /api/disclosures`: what personal data left the system, to whom, newest first. */
export const listDisclosuresRoute = bindCommand('GET /api/disclosures', listDisclosures, {
  tag,
  description:
    'One line per manifest, PAXLST, registry export or custody record handed out: when, by ' +
    'whom, to whom, about what, and the ids of the persons it carried. Filter by `caseId`, ' +
    '`personId`, `kind`, `from` and `to` (days, inclusive).',
});

/** `POST /api/consent/basis`: declares vital interests (or consent again) for a purpose. */
export const declareBasisRoute = bindCommand('POST /api/consent/basis', declareBasis, {
  tag,
  description:
    'With `vital-interests`, disclosures for the purpose (carrier-sharing, a referral to `state`) ' +
    'no longer need each person’s consent and the disclosure log names the basis; `consent` ' +
    'returns to asking each person. The reason is about the operation, never a person. ' +
    'Every declaration is kept and listed with each case’s consents.',
});

/** `GET /api/consent/bases`: every lawful-basis declaration, oldest first (the latest counts). */
export const listBasesRoute = bindCommand('GET /api/consent/bases', listBases, { tag });
