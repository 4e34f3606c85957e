/** Erasing a person's personal data on request (crypto-shredding, M11), over HTTP. */
import { erasePerson } from '@corridor/commands';
import { bindCommand } from '../bind-command.js';

/** `POST /api/persons/:id/erase`: deletes the person's key; their data becomes unreadable. */
export const erasePersonRoute = bindCommand('POST /api/persons/:id/erase', erasePerson, {
  tag: 'persons',
  params: { id: 'id' },
  status: 200,
  description:
    'Names, birth date, contact, notes and documents become unrecoverable; the person still ' +
    'counts in their case, in statistics and in plans. Cannot be undone. Audited. The erasure is ' +
    'final on disk when the key generation that wrapped their key is destroyed: at `finalBy` ' +
    '(the end of the erasure batch), or before the answer with `now=true`.',
  query: ['now'],
});
