/**
 * One person's custody record for a reader (`corridor custody record`, `GET
 * /api/persons/:id/custody.pdf`): names and details as the reader's role may see them, the
 * state of every chain, and an audit entry for the file handed out.
 */
import { errors, maySee, redactBelonging, type Locale, type Role } from '@corridor/core';
import type { Actor } from '@corridor/storage';
import { recordExport } from '@corridor/storage';
import type { Store } from '@corridor/storage';
import { custodyRecordPdf } from '@corridor/formats';

/** The PDF and what it holds. */
export interface CustodyRecordFile {
  pdf: Buffer;
  personId: string;
  householdId: string;
  items: number;
  chainVerified: boolean;
}

/** Builds one person's custody record as `actor` may read it. */
export async function custodyRecordFile(
  store: Store,
  actor: Actor,
  personId: string,
  now = new Date(),
  language?: Locale,
): Promise<CustodyRecordFile> {
  const role = actor.role as Role;
  const op = await store.registry.operation();
  if (!op) throw errors.noOperation();
  const record = await store.custody.record(personId);
  if (!record) throw errors.notFound('person', personId);
  // Names are decrypted only for a role that may see them.
  const member = maySee(role, 'name')
    ? (await store.registry.household(record.householdId))?.members.find((m) => m.id === personId)
    : undefined;
  const name = !maySee(role, 'name')
    ? { hidden: true as const }
    : member?.pii
      ? `${member.pii.givenName} ${member.pii.familyName}`
      : { erased: true as const };
  const verdict = await store.custody.verify();
  const pdf = await custodyRecordPdf({
    operation: op.name,
    person: { id: personId, householdId: record.householdId, name },
    items: record.items.map((i) => redactBelonging(i, role)),
    chainVerified: verdict.ok,
    generatedAt: now.toISOString(),
    generatedBy: `${actor.name} (${role})`,
    ...(language ? { language } : {}),
  });
  await recordExport(store, actor, 'person', personId, {
    what: 'custody-record',
    format: 'pdf',
    items: record.items.length,
  });
  return {
    pdf,
    personId,
    householdId: record.householdId,
    items: record.items.length,
    chainVerified: verdict.ok,
  };
}
