/** Check-in on the day (M6): the desk's list of a movement, and one record per person. */
import {
  allowSplit,
  checkinDesk,
  checkinDocument,
  checkinSlips,
  checkinStandby,
  checkinSummary,
  listCheckin,
  recordCheckin,
} from '@corridor/commands';
import { bindCommand } from '../bind-command.js';

const tag = 'check-in';

/** `GET /api/movements/:id/checkin`: who is booked on the movement, where each stands, the counts. */
export const movementCheckinRoute = bindCommand('GET /api/movements/:id/checkin', checkinDesk, {
  tag,
  params: { id: 'movementId' },
});

/** `GET /api/movements/:id/checkin/persons`: like `corridor checkin list --json`. */
export const movementCheckinListRoute = bindCommand(
  'GET /api/movements/:id/checkin/persons',
  listCheckin,
  { tag, params: { id: 'movementId' } },
);

/** `GET /api/movements/:id/checkin/summary`: like `corridor checkin summary --json`. */
export const movementCheckinSummaryRoute = bindCommand(
  'GET /api/movements/:id/checkin/summary',
  checkinSummary,
  { tag, params: { id: 'movementId' } },
);

/** `GET /api/movements/:id/standby`: like `corridor checkin standby MOVEMENT --json`. */
export const movementStandbyRoute = bindCommand('GET /api/movements/:id/standby', checkinStandby, {
  tag,
  params: { id: 'movementId' },
  description:
    'Cases that can fill a free seat on the day, ranked by the exposure an earlier departure ' +
    'saves; a case fits only when every member finds a seat. Nothing changes: a planner moves ' +
    'one with `POST /api/timetable/move`.',
});

/** `GET /api/movements/:id/slips`: like `corridor checkin slips MOVEMENT --out FILE.pdf`. */
export const movementSlipsRoute = bindCommand('GET /api/movements/:id/slips', checkinSlips, {
  tag,
  params: { id: 'movementId' },
  file: { types: ['application/pdf'] },
  description:
    'One A4 PDF, eight slips to a page: each slip a QR code the desk scans to open the passenger ' +
    '(the code holds `CORRIDOR-SLIP:<movement>:<person>`, nothing personal) and the name for roles ' +
    'that see names. `caseId` prints one household’s slips. Audited as an export.',
});

/** `POST /api/checkin/document`: like `corridor checkin document MOVEMENT PERSON --mrz L1 L2`. */
export const checkinDocumentRoute = bindCommand('POST /api/checkin/document', checkinDocument, {
  tag,
  description:
    'Checks the passport a passenger shows at the desk: the MRZ check digits, that it is a ' +
    'document registered for the person, the name and date of birth against the registry, and ' +
    'that it is valid on arrival. Answers which checks pass and the fields at fault, never the ' +
    'registered values; the verdict (not the MRZ) is kept in the audit log.',
  status: 200,
});

/** `POST /api/checkin`: like `corridor checkin MOVEMENT PERSON --status S`. */
export const checkinRoute = bindCommand('POST /api/checkin', recordCheckin, {
  tag,
  description:
    'Refused (409) while stations disagree about the person: a conflict is decided, never ' +
    'overwritten. Moving a whole household on (checked-in, departed, arrived) follows its members. ' +
    '`state` is the whole state of the person (the CLI’s older field), `status` its agreed status.',
  status: 200,
});

/** `POST /api/movements/:id/allow-split`: like `corridor checkin allow-split MOVEMENT CASE --reason …`. */
export const allowSplitRoute = bindCommand('POST /api/movements/:id/allow-split', allowSplit, {
  tag,
  params: { id: 'movementId' },
  description:
    'A household boards together: boarding a member is refused (409) while another member booked ' +
    'on the movement is a no-show or not checked in. A protection officer may let the household ' +
    'travel apart on this movement; the reason is sealed in the case history.',
  status: 200,
});
