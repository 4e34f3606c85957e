/** `manifest.generate`: a movement's manifest as CSV, XLSX, PDF, PAXLST or JSON, audited as an export. */
import { IdSchema } from '@corridor/core';
import { manifestFormats, renderManifest } from '@corridor/formats';
import { recordExport } from '@corridor/storage';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { fileOutput } from '../file-output.js';
import { requireConsent } from '../consent/require.js';
import { downloadRecipient, logDisclosure } from '../disclosure/log.js';
import { loadManifest } from './manifest-file.js';

const mediaTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  paxlst: 'application/edifact',
  json: 'application/json; charset=utf-8',
} as const;

/** The media types a manifest is sent as. */
export const manifestMediaTypes: readonly string[] = Object.values(mediaTypes);

/** A whole number written in decimal (as a query string or a CLI flag gives it), within bounds. */
function wholeNumber(min: number, max: number) {
  return z
    .string()
    .regex(/^\d{1,15}$/, 'must be a whole number')
    .transform(Number)
    .refine((n) => n >= min && n <= max, { message: `must be from ${min} to ${max}` });
}

/** A PAXLST party identifier. */
const Party = z.string().regex(/^[A-Za-z0-9]{1,35}$/, 'must be 1 to 35 letters or digits');

/** Households together, documents checked, check-in counts; every download is audited. */
export const generateManifest = defineCommand({
  name: 'manifest.generate',
  summary: 'The manifest of a movement: households together, documents checked, check-in counts',
  input: z.object({
    movementId: IdSchema,
    format: z.enum(manifestFormats).default('json'),
    minValidityDays: wholeNumber(0, 3650)
      .optional()
      .describe('days a document must stay valid after arrival (default 0)'),
    travelDays: wholeNumber(0, 60)
      .optional()
      .describe('days from departure to arrival (default: the movement’s arrival, else 1)'),
    sender: Party.optional().describe('PAXLST sender identification (default CORRIDOR)'),
    recipient: Party.optional().describe('PAXLST recipient (default: <arrival airport>API)'),
  }),
  output: fileOutput(
    z.object({
      format: z.enum(manifestFormats),
      movement: z.string(),
      route: z.object({
        origin: z.string(),
        arrivalAirport: z.string().nullable(),
        departAt: z.string(),
      }),
      totals: z.record(z.string(), z.number()),
      warnings: z.array(
        z.object({
          kind: z.string(),
          householdId: z.string().nullish(),
          personId: z.string().nullish(),
          message: z.string(),
        }),
      ),
      paxlst: z.unknown().optional(),
    }),
  ),
  permission: 'movement.manifest',
  audit: 'export',
  async run(ctx, input) {
    const { store, actor, now } = ctx;
    const { format, movementId } = input;
    const options = {
      minValidityDays: input.minValidityDays ?? 0,
      ...(input.travelDays !== undefined ? { travelDays: input.travelDays } : {}),
      ...(input.sender ? { sender: input.sender } : {}),
      ...(input.recipient ? { recipient: input.recipient } : {}),
      now,
    };
    const manifest = await loadManifest(store, movementId, options);
    const persons = manifest.households.flatMap((h) =>
      h.entries.map((e) => ({ personId: e.personId, householdId: e.householdId })),
    );
    // A manifest is what a carrier receives: no file is made for passengers without a basis.
    const basis = await requireConsent(
      ctx,
      persons.map((p) => p.personId),
      'carrier-sharing',
    );
    const result = await renderManifest(manifest, format, {
      ...options,
      ...(ctx.locale ? { language: ctx.locale } : {}),
    });
    const m = result.manifest;
    await recordExport(store, actor, 'manifest', movementId, {
      format,
      persons: m.totals.persons,
    });
    const carrier = manifest.movement.carrier;
    await logDisclosure(ctx, {
      kind: format === 'paxlst' ? 'paxlst' : 'manifest',
      format,
      recipient:
        format === 'paxlst'
          ? `carrier ${carrier ?? '(none set)'}, to ${input.recipient ?? `${manifest.movement.arrivalAirport ?? ''}API`}`
          : downloadRecipient(ctx),
      subject: movementId,
      purpose: basis.label,
      persons,
    });
    return {
      filename: `manifest-${movementId}.${format === 'paxlst' ? 'edi' : format}`,
      contentType: mediaTypes[format],
      content: result.content,
      summary: {
        format,
        movement: m.movement.id,
        route: {
          origin: m.movement.origin,
          arrivalAirport: m.movement.arrivalAirport ?? null,
          departAt: m.movement.departAt,
        },
        totals: m.totals,
        warnings: m.warnings,
        ...(result.paxlst ? { paxlst: result.paxlst } : {}),
      },
    };
  },
});
