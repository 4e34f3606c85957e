/** `checkin.slips`: a movement's check-in slips with QR codes as a PDF, audited as an export. */
import { errors, IdSchema, localeOfLanguages, maySee, slipCode } from '@corridor/core';
import { checkinSlipsPdf } from '@corridor/formats';
import { recordExport } from '@corridor/storage';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { fileOutput } from '../file-output.js';
import { deskRows } from './state.js';

/**
 * One slip per person booked (or per person of one case), households together; the code names
 * the movement and the record number only, the name is printed for roles that may see it.
 */
export const checkinSlips = defineCommand({
  name: 'checkin.slips',
  summary: 'Check-in slips with QR codes for everyone booked on a movement (or one case), as a PDF',
  input: z.object({
    movementId: IdSchema,
    caseId: IdSchema.optional().describe('only the persons of this case'),
  }),
  output: fileOutput(
    z.object({
      movementId: z.string(),
      slips: z.number().int(),
      cases: z.number().int(),
      pages: z.number().int(),
    }),
  ),
  permission: 'movement.checkin',
  audit: 'export',
  async run({ store, actor, now, locale }, { movementId, caseId }) {
    const op = await store.registry.operation();
    if (!op) throw errors.noOperation();
    const movement = await store.movements.get(movementId);
    if (!movement) throw errors.notFound('movement', movementId);
    const rows = (await deskRows(store, movementId)).filter(
      (r) => caseId === undefined || r.householdId === caseId,
    );
    if (caseId !== undefined && rows.length === 0)
      throw errors.invalidInput(`case ${caseId} is not booked on ${movementId}`);
    const names = new Map<string, string>();
    const snapshot = await store.registry.snapshot([...new Set(rows.map((r) => r.householdId))]);
    if (maySee(actor.role, 'name'))
      for (const p of snapshot.persons)
        if (p.pii) names.set(p.id, `${p.pii.givenName} ${p.pii.familyName}`.trim());
    // A slip is the passenger's: it prints in the household's language where Corridor has it.
    const languages = new Map(
      snapshot.households.map((h) => [h.id, localeOfLanguages(h.languages)]),
    );
    const content = await checkinSlipsPdf({
      operation: op.name,
      movement,
      slips: rows.map((r) => ({
        personId: r.personId,
        householdId: r.householdId,
        isHead: r.isHead,
        name: names.get(r.personId) ?? '',
        code: slipCode(movementId, r.personId),
        language: languages.get(r.householdId) ?? 'en',
      })),
      generatedAt: now.toISOString(),
      ...(locale ? { language: locale } : {}),
    });
    const cases = new Set(rows.map((r) => r.householdId)).size;
    await recordExport(store, actor, 'checkin-slips', movementId, {
      format: 'pdf',
      persons: rows.length,
      ...(caseId ? { case: caseId } : {}),
    });
    return {
      filename: `slips-${movementId}${caseId ? `-${caseId}` : ''}.pdf`,
      contentType: 'application/pdf',
      content,
      summary: {
        movementId,
        slips: rows.length,
        cases,
        pages: Math.max(1, Math.ceil(rows.length / 8)),
      },
    };
  },
});
