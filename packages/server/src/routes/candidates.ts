/** Candidate movements over HTTP (issue 21 item 2): each route binds one command. */
import { addCandidate, listCandidates, removeCandidate } from '@corridor/commands';
import { bindCommand } from '../bind-command.js';

const tag = 'movements';

/** `GET /api/candidates`: like `corridor candidate list`. */
export const listCandidatesRoute = bindCommand('GET /api/candidates', listCandidates, { tag });

/** `POST /api/candidates`: like `corridor candidate add`. */
export const addCandidateRoute = bindCommand('POST /api/candidates', addCandidate, {
  tag,
  description:
    '`cost` in major units of `currency` (one currency for all candidates); refused with 400 ' +
    'naming the field when seats < 1, the window ends before it starts, or the lead time leaves ' +
    'no day of the window bookable.',
});

/** `DELETE /api/candidates/:id`: like `corridor candidate remove`. */
export const removeCandidateRoute = bindCommand('DELETE /api/candidates/:id', removeCandidate, {
  tag,
  params: { id: 'id' },
  status: 200,
});
