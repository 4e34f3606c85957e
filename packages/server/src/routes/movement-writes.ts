/** Movements written through the API (M5): add a flight or convoy, change status, seats or baggage. */
import { addMovement, updateMovement } from '@corridor/commands';
import { bindCommand } from '../bind-command.js';

/** `POST /api/movements`: like `corridor movement add`. */
export const addMovementRoute = bindCommand('POST /api/movements', addMovement, {
  tag: 'movements',
  description:
    'Defaults: charter, from the operation’s airport in its time zone, to the destination’s ' +
    'first arrival airport, 23 kg of baggage per seat.',
});

/** `PATCH /api/movements/:id`: like `corridor movement set`, optionally at an expected version. */
export const changeMovementRoute = bindCommand('PATCH /api/movements/:id', updateMovement, {
  tag: 'movements',
  description:
    'Give `expectVersion` (the version you read) to be refused with 409 if someone changed the ' +
    'movement in between, instead of overwriting their change.',
  params: { id: 'id' },
  status: 200,
});
