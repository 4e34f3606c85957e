/**
 * `registry.export`: persons, households, the plan, the timetable or destinations as CSV, XLSX or
 * JSON, audited as an export. A persons file is redacted when asked, and always for a role the
 * field policy does not let see every personal field the file holds: one rule for the CLI and API.
 */
import { errors, IdSchema, maySee, type PersonField, type Role } from '@corridor/core';
import { exportFormats, exportKinds } from '@corridor/formats';
import { recordExport } from '@corridor/storage';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { fileOutput } from '../file-output.js';
import { requireConsent } from '../consent/require.js';
import type { CommandContext } from '../context.js';
import { downloadRecipient, logDisclosure } from '../disclosure/log.js';
import { exportRegistryWithPersons } from './export-registry.js';

const mediaTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
} as const;

/** The media types an export is sent as. */
export const exportMediaTypes: readonly string[] = Object.values(mediaTypes);

/** The personal fields a persons file holds unredacted. */
export const personsFileFields: readonly PersonField[] = [
  'name',
  'birthDate',
  'documentNumber',
  'protectionNote',
];

/** Whether a persons export for `role` must be redacted whatever was asked. */
export function exportRedactedFor(role: Role): boolean {
  return !personsFileFields.every((f) => maySee(role, f));
}

const Flag = z.enum(['true', 'false']).optional();

/** The cases the current allocation (or joint) plan sends to `destinationId`, and its state. */
async function casesTo(
  ctx: CommandContext,
  destinationId: string,
): Promise<{ state: string; householdIds: string[] }> {
  const destination = (await ctx.store.registry.destinations()).find((d) => d.id === destinationId);
  if (!destination) throw errors.notFound('destination', destinationId);
  const plan =
    (await ctx.store.plans.current('allocation')) ?? (await ctx.store.plans.current('joint'));
  if (!plan) throw errors.notFound('current allocation plan', '');
  const householdIds = plan.assignments
    .filter((a) => a.destinationId === destinationId)
    .map((a) => a.householdId);
  return { state: destination.country, householdIds };
}

/** Writes one export; households stay whole, `corridor import` reads persons files back. */
export const exportRegistryFile = defineCommand({
  name: 'registry.export',
  summary: 'Export persons, households, the plan, the timetable or destinations',
  input: z.object({
    what: z.enum(exportKinds),
    format: z.enum(exportFormats).default('csv'),
    hxl: Flag.describe('add the HXL hashtag row'),
    redact: Flag.describe('leave out personal data (always so for roles that may not see it)'),
    destination: IdSchema.optional().describe(
      'persons or households: only the cases the current allocation sends to this destination, ' +
        'refused unless each person gave referral consent to its state',
    ),
  }),
  output: fileOutput(
    z.object({
      kind: z.enum(exportKinds),
      format: z.enum(exportFormats),
      bytes: z.number().int(),
      redacted: z.boolean(),
    }),
  ),
  permission: 'registry.export',
  audit: 'export',
  async run(ctx, { what, format, hxl, redact: asked, destination }) {
    const { store, actor } = ctx;
    if (destination && what !== 'persons' && what !== 'households')
      throw errors.invalidInput(
        `invalid input for registry.export at destination: only persons and households are exported for a destination, not ${what}`,
      );
    const redact = asked === 'true' || (what === 'persons' && exportRedactedFor(actor.role));
    const referral = destination ? await casesTo(ctx, destination) : undefined;
    const { content, persons } = await exportRegistryWithPersons(store, what, {
      format,
      hxl: hxl === 'true',
      redact,
      ...(referral ? { householdIds: referral.householdIds } : {}),
    });
    // A file for a destination state is a referral: nothing leaves without each person's consent.
    const basis = referral
      ? await requireConsent(
          ctx,
          persons.map((p) => p.personId),
          'referral',
          referral.state,
        )
      : undefined;
    // Files about persons are logged as disclosures; plans and destinations carry no one.
    if (persons.length > 0)
      await logDisclosure(ctx, {
        kind: 'registry-export',
        format: redact ? `${format} (redacted)` : format,
        recipient: referral
          ? `state ${referral.state} (destination ${destination}), ${downloadRecipient(ctx)}`
          : downloadRecipient(ctx),
        subject: what,
        purpose: basis ? basis.label : null,
        persons,
      });
    await recordExport(store, actor, 'registry', what, {
      format,
      redacted: redact,
      bytes: content.length,
      ...(destination ? { destination } : {}),
    });
    return {
      filename: `${what}.${format}`,
      contentType: mediaTypes[format],
      content,
      summary: { kind: what, format, bytes: content.length, redacted: redact },
    };
  },
});
