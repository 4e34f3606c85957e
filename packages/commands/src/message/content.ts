/**
 * A queued message made ready to hand over, at delivery time: the address read from the member's
 * sealed record, the text rendered again from the template, the movement and the send's facts.
 * Nothing of it is stored: a record erased or a consent withdrawn since the send stops it here.
 */
import { basisInForce, missingConsentText, type Movement } from '@corridor/core';
import type { ClaimedMessage, StoredMessageTemplate } from '@corridor/storage';
import type { CommandContext } from '../context.js';
import { consentGaps } from '../consent/require.js';
import { contactOf, movementValues } from './recipients.js';
import { render, type Rendered } from './render.js';

/** What a channel needs for one message, and what the disclosure log records of it. */
export interface Deliverable {
  /** The address or number: in memory only. */
  to: string;
  rendered: Rendered;
  /** Every member of the household, for the disclosure log. */
  members: string[];
  /** The movement, or the case: the disclosure's subject. */
  subject: string;
  basisLabel: string;
}

/** What one delivery run reads once: templates, movements, the declared basis. */
export interface ContentCache {
  templates: Map<string, StoredMessageTemplate[]>;
  movements: Map<string, Movement | undefined>;
  basis?: Awaited<ReturnType<CommandContext['store']['consent']['bases']>>;
}

/** An empty cache for one delivery run. */
export function contentCache(): ContentCache {
  return { templates: new Map(), movements: new Map() };
}

/** Renders `line` again and finds its address, or says why it can no longer be sent. */
export async function contentOf(
  ctx: CommandContext,
  line: ClaimedMessage,
  cache: ContentCache,
): Promise<Deliverable | { reason: string }> {
  if (!line.channel || !line.language || !line.personId)
    return { reason: 'the line names no channel, language or member' };
  if (!cache.templates.has(line.purpose))
    cache.templates.set(line.purpose, await ctx.store.messages.templates(line.purpose));
  const template = cache.templates.get(line.purpose)!.find((t) => t.language === line.language);
  if (!template) return { reason: `the ${line.purpose}/${line.language} template is gone` };
  let movement: Movement | undefined;
  if (line.movementId) {
    if (!cache.movements.has(line.movementId))
      cache.movements.set(line.movementId, await ctx.store.movements.get(line.movementId));
    movement = cache.movements.get(line.movementId);
    if (!movement) return { reason: `movement ${line.movementId} no longer exists` };
  }
  const snapshot = await ctx.store.registry.snapshot([line.householdId]);
  const members = snapshot.persons.filter((p) => p.householdId === line.householdId);
  const person = members.find((p) => p.id === line.personId);
  const to = person?.pii ? contactOf(person.pii, line.channel) : undefined;
  if (!to)
    return {
      reason: `${line.personId} has no ${line.channel} contact any more (erased or removed since the send)`,
    };
  cache.basis ??= await ctx.store.consent.bases();
  const declared = basisInForce(cache.basis, 'messages');
  if (!declared) {
    const living = members.filter((p) => p.pii !== null).map((p) => p.id);
    const gaps = await consentGaps(ctx, living, 'messages');
    if (gaps.length > 0)
      return {
        reason: `no basis for messages any more: ${gaps.map(missingConsentText).join('; ')}`,
      };
  }
  const values = {
    caseId: line.householdId,
    persons: members.length,
    ...(movement ? await movementValues(ctx, movement, template.language) : {}),
    ...line.facts,
  };
  let rendered: Rendered;
  try {
    rendered = render(template, values);
  } catch (e) {
    return {
      reason: `the template changed since the send and no longer renders (${(e as Error).message})`,
    };
  }
  return {
    to,
    rendered,
    members: members.map((m) => m.id),
    subject: movement?.id ?? line.householdId,
    basisLabel: declared ? `messages (${declared.basis})` : 'messages',
  };
}
