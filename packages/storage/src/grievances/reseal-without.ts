/**
 * Before a person added by mistake is removed with their key, the words of their case's
 * grievances and appeals that were sealed with that key are sealed again under the other members'
 * keys: a removal must not make them unreadable, as an erasure does (as `resealHistoryWithout`
 * does for case-history reasons).
 */
import type { Db } from '../db/batch.js';
import { personKeys } from '../registry/person-keys.js';
import { erasedText, openForMembers, sealForMembers } from '../registry/sealed-text.js';
import type { Vault } from '../vault/vault.js';

/** One sealed value: its record id and bytes, opened then sealed again for `rest`. */
type Reseal = (recordId: string, sealed: Uint8Array | null) => Uint8Array | null;

/** Re-seals `householdId`'s grievance and appeal words without `personId`'s key. */
export async function resealGrievancesWithout(
  trx: Db,
  vault: Vault,
  householdId: string,
  personId: string,
): Promise<void> {
  const grievances = (
    await trx
      .selectFrom('grievances')
      .select(['id', 'text_sealed', 'text_members'])
      .where('household_id', '=', householdId)
      .execute()
  ).filter((r) => (r.text_members ?? []).includes(personId));
  const appeals = (
    await trx
      .selectFrom('appeals')
      .select(['id', 'grounds_sealed', 'grounds_members', 'reason_sealed'])
      .where('household_id', '=', householdId)
      .execute()
  ).filter((r) => (r.grounds_members ?? []).includes(personId));
  if (grievances.length === 0 && appeals.length === 0) return;
  const everyone = [
    ...new Set([
      ...grievances.flatMap((g) => g.text_members!),
      ...appeals.flatMap((a) => a.grounds_members!),
    ]),
  ];
  const keys = await personKeys(trx, vault, everyone);
  const resealer = (members: string[]): { rest: string[]; reseal: Reseal } => {
    const rest = members.filter((m) => m !== personId);
    return {
      rest,
      reseal: (recordId, sealed) => {
        if (!sealed) return null;
        const text = openForMembers(vault, keys, members, recordId, sealed);
        // Already unreadable (another member was erased): it stays so.
        if (text === erasedText && members.some((m) => !keys.has(m))) return sealed;
        return sealForMembers(vault, keys, rest, recordId, text) ?? null;
      },
    };
  };
  for (const g of grievances) {
    const { rest, reseal } = resealer(g.text_members!);
    await trx
      .updateTable('grievances')
      .set({
        text_sealed: reseal(`grievance:${g.id}`, g.text_sealed),
        text_members: JSON.stringify(rest),
      })
      .where('id', '=', g.id)
      .execute();
    const events = await trx
      .selectFrom('grievance_events')
      .select(['id', 'kind', 'at', 'text_sealed'])
      .where('grievance_id', '=', g.id)
      .where('text_sealed', 'is not', null)
      .execute();
    for (const e of events)
      await trx
        .updateTable('grievance_events')
        .set({
          text_sealed: reseal(
            `grievance:${g.id}:${e.kind}:${new Date(e.at).toISOString()}`,
            e.text_sealed,
          ),
        })
        .where('id', '=', e.id)
        .execute();
  }
  for (const a of appeals) {
    const { rest, reseal } = resealer(a.grounds_members!);
    await trx
      .updateTable('appeals')
      .set({
        grounds_sealed: reseal(`appeal:${a.id}`, a.grounds_sealed),
        reason_sealed: reseal(`appeal-decision:${a.id}`, a.reason_sealed),
        grounds_members: JSON.stringify(rest),
      })
      .where('id', '=', a.id)
      .execute();
  }
}
