/** Persons over HTTP: added, corrected and removed by hand (issue 22), and erased on request (M11). */
import { addPerson, erasePerson, removePerson, updatePerson } from '@corridor/commands';
import { bindCommand } from '../bind-command.js';

const tag = 'persons';

/** `POST /api/cases/:id/persons`: adds a person (a newborn, say) to an existing case. */
export const addPersonRoute = bindCommand('POST /api/cases/:id/persons', addPerson, {
  tag,
  params: { id: 'caseId' },
  description:
    'The name and birth date are encrypted under a new person key; the case history and the ' +
    'audit log name the fields written, never their values. Likely duplicates are queued for ' +
    'review. The answer carries the person and their `version` for the next edit.',
});

/** `PATCH /api/persons/:id`: corrects a person, based on the version the editor saw. */
export const updatePersonRoute = bindCommand('PATCH /api/persons/:id', updatePerson, {
  tag,
  params: { id: 'id' },
  status: 200,
  description:
    'Send the `version` you read (GET /api/cases/:id, members[].version) and only the fields to ' +
    'change. When the person changed since, the answer is 409 `stale-version` whose `details` ' +
    'hold `stored` and `submitted` values and both versions; nothing is written.',
});

/** `POST /api/persons/:id/remove`: removes a person added by mistake (not an erasure). */
export const removePersonRoute = bindCommand('POST /api/persons/:id/remove', removePerson, {
  tag,
  params: { id: 'id' },
  status: 200,
  description:
    'For a record added by mistake: the person, their key, needs and documents are deleted and ' +
    'no longer count. Refused (409) for a head of household, the last member of a case, or a ' +
    'person whom check-in, custody or a merge refer to; use the erasure for those. Like an ' +
    'erasure, the removal is final on disk when the key generation that wrapped their key is ' +
    'destroyed: at `finalBy` (the end of the erasure batch), or before the answer with `now=true`.',
  query: ['now'],
});

/** `POST /api/persons/:id/erase`: deletes the person's key; their data becomes unreadable. */
export const erasePersonRoute = bindCommand('POST /api/persons/:id/erase', erasePerson, {
  tag,
  params: { id: 'id' },
  status: 200,
  description:
    'Names, birth date, contact, notes and documents become unrecoverable; the person still ' +
    'counts in their case, in statistics and in plans. Cannot be undone. Audited. The erasure is ' +
    'final on disk when the key generation that wrapped their key is destroyed: at `finalBy` ' +
    '(the end of the erasure batch), or before the answer with `now=true`.',
  query: ['now'],
});
