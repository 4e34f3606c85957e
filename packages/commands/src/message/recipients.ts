/**
 * Who a send reaches and how: per household, the language (the first of the case's languages with a
 * template), the consent of every member, the member and channel to write to — or why not.
 */
import {
  basisInForce,
  errors,
  messagePurposeSpecs,
  missingConsentText,
  type CaseStatus,
  type MessageChannel,
  type MessagePurpose,
  type Movement,
  type PersonPii,
} from '@corridor/core';
import type { StoredMessageTemplate } from '@corridor/storage';
import type { CommandContext } from '../context.js';
import { consentGaps } from '../consent/require.js';
import type { Channel } from './channels.js';
import { missingFacts, render, type Rendered } from './render.js';

/** What a send or a preview is asked. */
export interface SendRequest {
  purpose: MessagePurpose;
  movementId?: string | undefined;
  caseIds?: string[] | undefined;
  /** A filter of the registry instead of a list: cases in this status (and/or allocated there). */
  caseStatus?: CaseStatus | undefined;
  destinationId?: string | undefined;
  facts: Record<string, string>;
  channel?: MessageChannel | undefined;
  again: boolean;
}

/** One household's line: who would be written to, how and what, or why it is skipped. */
export interface PlannedMessage {
  householdId: string;
  personId: string | null;
  language: string | null;
  channel: MessageChannel | null;
  reason: string | null;
  rendered: Rendered | null;
  /** The address or number: in memory only, never stored or answered. */
  to: string | null;
  members: string[];
}

/** The whole plan of a send: the movement, the basis label for the disclosure log, each household. */
export interface SendPlan {
  movement: Movement | null;
  basisLabel: string;
  messages: PlannedMessage[];
}

/** A person's address for `channel`: the e-mail address, or the phone number without spaces. */
export const contactOf = (pii: PersonPii, channel: MessageChannel) =>
  channel === 'email' ? pii.email : pii.phone?.replace(/ /g, '');

function inZone(iso: string, timeZone: string, language: string, o: Intl.DateTimeFormatOptions) {
  try {
    return new Intl.DateTimeFormat(language, { ...o, timeZone }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(language, o).format(new Date(iso));
  }
}

/** A movement's facts as template variables, written in `language` and the movement's time zone. */
export async function movementValues(ctx: CommandContext, m: Movement, language: string) {
  const destination = m.destinationId
    ? (await ctx.store.registry.destinations()).find((d) => d.id === m.destinationId)
    : undefined;
  return {
    movementId: m.id,
    departDate: inZone(m.departAt, m.timezone, language, { dateStyle: 'long' }),
    departTime: inZone(m.departAt, m.timezone, language, { timeStyle: 'short' }),
    origin: m.origin,
    destination: destination?.name ?? m.destinationId ?? '',
    arrivalAirport: m.arrivalAirport ?? '',
    carrier: m.carrier ?? '',
    flightNumber: m.flightNumber ?? '',
  };
}

/** The households a request names: the movement's booked households, or the listed cases. */
async function householdsOf(ctx: CommandContext, req: SendRequest, movement: Movement | null) {
  if (movement) {
    const booked = await ctx.store.checkin.bookedHouseholds(movement.id);
    if (!req.caseIds) return booked;
    const outside = req.caseIds.filter((c) => !booked.includes(c));
    if (outside.length > 0)
      throw errors.invalidInput(
        `invalid input at caseIds: ${outside.join(', ')} not booked on ${movement.id}`,
      );
    return req.caseIds;
  }
  if (req.caseIds) return req.caseIds;
  const found = await ctx.store.registry.findCases({
    ...(req.caseStatus ? { status: req.caseStatus } : {}),
    ...(req.destinationId ? { destination: req.destinationId } : {}),
    limit: 5000,
    offset: 0,
  });
  return found.cases.map((c) => c.id);
}

/**
 * Plans a send: checks the request (a movement for the purposes that need one, facts the
 * templates use) and throws 400 naming the field before anything is written; then decides each
 * household: consent of every member for `messages` (or the declared basis), a template in one of
 * its languages, a member with an address for a configured channel, not already sent.
 */
export async function planSend(
  ctx: CommandContext,
  req: SendRequest,
  channels: Partial<Record<MessageChannel, Channel>>,
): Promise<SendPlan> {
  const spec = messagePurposeSpecs[req.purpose];
  if (spec.movement && !req.movementId)
    throw errors.invalidInput(
      `invalid input at movementId: a ${req.purpose} message is about a movement`,
    );
  if (!req.movementId && !req.caseIds?.length && !req.caseStatus && !req.destinationId)
    throw errors.invalidInput(
      'invalid input at caseIds: name a movement, the cases, or a filter (caseStatus, destinationId)',
    );
  if (req.movementId && (req.caseStatus || req.destinationId))
    throw errors.invalidInput(
      'invalid input at caseStatus: a movement names its households; filter by cases instead',
    );
  for (const name of Object.keys(req.facts))
    if (!spec.facts.includes(name))
      throw errors.invalidInput(
        `invalid input at facts.${name}: not a fact of ${req.purpose} (known: ${spec.facts.join(', ') || 'none'})`,
      );
  const movement = req.movementId ? await ctx.store.movements.get(req.movementId) : undefined;
  if (req.movementId && !movement) throw errors.notFound('movement', req.movementId);
  const templates = await ctx.store.messages.templates(req.purpose);
  if (templates.length === 0)
    throw errors.invalidInput(
      `invalid input at purpose: no ${req.purpose} template yet (corridor message template add)`,
    );
  const missing = missingFacts(req.purpose, templates, req.facts);
  if (missing.length > 0)
    throw errors.invalidInput(
      `invalid input at facts: ${missing
        .map((m) => `template ${m.template} uses {${m.fact}}`)
        .join('; ')}; give them (--fact name=value)`,
      { missing },
    );

  const householdIds = [...new Set(await householdsOf(ctx, req, movement ?? null))];
  const snapshot = await ctx.store.registry.snapshot(householdIds);
  const declared = basisInForce(await ctx.store.consent.bases(), 'messages');
  const sent = req.again
    ? new Set<string>()
    : await ctx.store.messages.alreadySent(householdIds, req.purpose, movement?.id ?? null);
  const byLanguage = new Map(templates.map((t) => [t.language, t]));
  const ways: MessageChannel[] = req.channel ? [req.channel] : ['email', 'sms'];
  const messages: PlannedMessage[] = [];
  const inLanguage = new Map<string, Awaited<ReturnType<typeof movementValues>>>();
  const factsIn = async (language: string) => {
    if (!inLanguage.has(language))
      inLanguage.set(language, await movementValues(ctx, movement!, language));
    return inLanguage.get(language)!;
  };
  const living = snapshot.persons.filter((p) => p.pii !== null).map((p) => p.id);
  const gaps = declared ? [] : await consentGaps(ctx, living, 'messages');

  for (const householdId of householdIds) {
    const household = snapshot.households.find((h) => h.id === householdId);
    const members = snapshot.persons
      .filter((p) => p.householdId === householdId)
      .sort((a, b) => Number(b.isHead) - Number(a.isHead));
    const line: PlannedMessage = {
      householdId,
      personId: null,
      language: null,
      channel: null,
      reason: null,
      rendered: null,
      to: null,
      members: members.map((m) => m.id),
    };
    messages.push(line);
    if (!household) {
      line.reason = `no case ${householdId}`;
      continue;
    }
    if (sent.has(householdId)) {
      line.reason = `already sent (or sending) a ${req.purpose} message${movement ? ` about ${movement.id}` : ''} (--again to send it again)`;
      continue;
    }
    const reachable = members.filter((m) => m.pii !== null);
    const without = gaps.filter((g) => line.members.includes(g.personId));
    if (without.length > 0) {
      line.reason = `no basis for messages: ${without.map(missingConsentText).join('; ')}`;
      continue;
    }
    const template = household.languages.map((l) => byLanguage.get(l)).find(Boolean);
    if (!template) {
      line.reason =
        household.languages.length === 0
          ? 'the case records no language'
          : `no ${req.purpose} template in ${household.languages.join(', ')} (templates: ${[...byLanguage.keys()].join(', ')})`;
      continue;
    }
    line.language = template.language;
    const values = {
      caseId: householdId,
      persons: members.length,
      ...(movement ? await factsIn(template.language) : {}),
      ...req.facts,
    };
    line.rendered = render(template as StoredMessageTemplate, values);
    for (const m of reachable) {
      const way = ways.find((w) => channels[w] && contactOf(m.pii!, w));
      if (way) {
        Object.assign(line, { personId: m.id, channel: way, to: contactOf(m.pii!, way)! });
        break;
      }
    }
    if (!line.channel) {
      const configured = ways.filter((w) => channels[w]);
      line.reason =
        configured.length === 0
          ? `no channel configured for ${ways.join(' or ')} (CORRIDOR_SMTP_URL, CORRIDOR_SMS_URL)`
          : `no member has ${configured.map((w) => (w === 'email' ? 'an e-mail address' : 'a phone number')).join(' or ')}`;
    }
  }
  return {
    movement: movement ?? null,
    basisLabel: declared ? `messages (${declared.basis})` : 'messages',
    messages,
  };
}
