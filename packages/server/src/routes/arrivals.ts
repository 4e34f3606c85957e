/**
 * After arrival over HTTP (issue 23 item 5): confirmations, links, follow-ups, handover. The one
 * route without a login is the confirmation link: its single-use token is the credential, and it
 * runs `arrival.confirm` as the link's issuer (in their role), so the command decides as for them.
 */
import {
  confirmArrival,
  createArrivalLink,
  execute,
  handoverCase,
  listArrivals,
  listFollowUps,
  recordFollowUp,
  tokenHash,
  unusableLink,
} from '@corridor/commands';
import { IsoDateSchema, roles, type Role } from '@corridor/core';
import { z } from 'zod';
import { bindCommand } from '../bind-command.js';
import { defineRoute } from '../route.js';

const tag = 'arrivals';

/** `GET /api/arrivals`: arrival confirmations (`?caseId=`). */
export const listArrivalsRoute = bindCommand('GET /api/arrivals', listArrivals, { tag });

/** `POST /api/cases/:id/arrival`: a user confirms the case arrived. */
export const confirmArrivalRoute = bindCommand('POST /api/cases/:id/arrival', confirmArrival, {
  tag,
  params: { id: 'caseId' },
  description:
    'A departed case becomes arrived (`case.status-changed` and `arrival.confirmed` to webhook ' +
    'subscribers); the first confirmation sets the follow-ups at 1, 3 and 12 months.',
});

/** `POST /api/cases/:id/arrival-link`: a single-use confirmation link for a receiving partner. */
export const arrivalLinkRoute = bindCommand('POST /api/cases/:id/arrival-link', createArrivalLink, {
  tag,
  params: { id: 'caseId' },
  description:
    'The token is in this answer only (the database keeps its SHA-256). Give a partner’s system ' +
    'the `path` (one POST, no login, confirms the arrival; then 404) or a person the `page` ' +
    '(`/arrival-link#<token>`: one button in a browser).',
});

const LinkBody = z.object({
  arrivedOn: IsoDateSchema.optional().describe('the day of arrival (default: today)'),
});

/** `POST /api/arrival-links/:token`: a partner confirms with its link, once. */
export const confirmByLinkRoute = defineRoute('POST /api/arrival-links/:token', {
  tag,
  summary: 'Confirm an arrival with a single-use link (no login: the token is the credential)',
  description:
    'An unknown, used or expired link answers 404 alike. The confirmation is recorded as made ' +
    'through the link, in the name of the partner it was issued to.',
  params: z.object({ token: z.string().min(1).max(200) }),
  body: LinkBody.optional(),
  response: confirmArrival.output,
  status: 201,
  handler: async ({ params, body, store, now }) => {
    const link = await store.arrivals.linkByHash(tokenHash(params.token));
    if (!link || link.usedAt !== null || new Date(link.expiresAt).getTime() <= now.getTime())
      throw unusableLink();
    const role = (roles as readonly string[]).includes(link.createdRole)
      ? (link.createdRole as Role)
      : undefined;
    if (!role) throw unusableLink();
    // Issued over the API by a user since disabled: the link goes with the account.
    const issuer = /^api:(.+)$/.exec(link.createdBy)?.[1];
    if (issuer && (await store.users.credentials(issuer))?.disabled !== false) throw unusableLink();
    const actor = { name: `link:${link.id}`, role, via: 'api' as const };
    return execute(
      confirmArrival,
      { actor, store, now },
      {
        caseId: link.householdId,
        partner: link.partner,
        token: params.token,
        ...(body?.arrivedOn ? { arrivedOn: body.arrivedOn } : {}),
      },
    );
  },
});

/** `GET /api/follow-ups`: follow-ups, earliest due first (`?caseId=&due=true`). */
export const listFollowUpsRoute = bindCommand('GET /api/follow-ups', listFollowUps, { tag });

/** `POST /api/cases/:id/follow-ups`: records a follow-up's outcome. */
export const recordFollowUpRoute = bindCommand('POST /api/cases/:id/follow-ups', recordFollowUp, {
  tag,
  params: { id: 'caseId' },
  status: 200,
});

/** `GET /api/cases/:id/handover`: the redacted case file for the receiving agency. */
export const handoverRoute = bindCommand('GET /api/cases/:id/handover', handoverCase, {
  tag,
  params: { id: 'caseId' },
  file: { types: ['application/json; charset=utf-8'] },
  description:
    'Refused (409) unless the case arrived, has a destination, and every living member gave ' +
    'referral consent to its state (or the operation declared a basis); logged as a disclosure.',
});
