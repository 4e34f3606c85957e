/**
 * `registry.export`: persons, households, the plan, the timetable or destinations as CSV, XLSX or
 * JSON, audited as an export. A persons file is redacted when asked, and always for a role the
 * field policy does not let see every personal field the file holds: one rule for the CLI and API.
 */
import { maySee, type PersonField, type Role } from '@corridor/core';
import { exportFormats, exportKinds } from '@corridor/formats';
import { recordExport } from '@corridor/storage';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { fileOutput } from '../file-output.js';
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

/** Writes one export; households stay whole, `corridor import` reads persons files back. */
export const exportRegistryFile = defineCommand({
  name: 'registry.export',
  summary: 'Export persons, households, the plan, the timetable or destinations',
  input: z.object({
    what: z.enum(exportKinds),
    format: z.enum(exportFormats).default('csv'),
    hxl: Flag.describe('add the HXL hashtag row'),
    redact: Flag.describe('leave out personal data (always so for roles that may not see it)'),
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
  async run(ctx, { what, format, hxl, redact: asked }) {
    const { store, actor } = ctx;
    const redact = asked === 'true' || (what === 'persons' && exportRedactedFor(actor.role));
    const { content, persons } = await exportRegistryWithPersons(store, what, {
      format,
      hxl: hxl === 'true',
      redact,
    });
    // Files about persons are logged as disclosures; plans and destinations carry no one.
    if (persons.length > 0)
      await logDisclosure(ctx, {
        kind: 'registry-export',
        format: redact ? `${format} (redacted)` : format,
        recipient: downloadRecipient(ctx),
        subject: what,
        purpose: null,
        persons,
      });
    await recordExport(store, actor, 'registry', what, {
      format,
      redacted: redact,
      bytes: content.length,
    });
    return {
      filename: `${what}.${format}`,
      contentType: mediaTypes[format],
      content,
      summary: { kind: what, format, bytes: content.length, redacted: redact },
    };
  },
});
