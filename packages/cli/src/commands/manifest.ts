/** `corridor manifest MOVEMENT`: the passenger manifest in CSV, XLSX, PDF, PAXLST or JSON (M6). */
import { writeFileSync } from 'node:fs';
import { errors, type Manifest } from '@corridor/core';
import { manifestFile } from '@corridor/commands';
import { manifestFormats, type ManifestFormat } from '@corridor/formats';
import { recordExport } from '@corridor/storage';
import type { Command } from 'commander';
import { actorOf, output, withStore } from '../context.js';

function wholeNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw errors.invalidInput(`${flag} must be a whole number ≥ 0, not "${value}"`);
  return n;
}

/** Totals and warnings of a manifest, for the terminal. */
export function manifestSummaryText(m: Manifest, file: string): string {
  const t = m.totals;
  const lines = [
    `manifest of ${m.movement.id} (${m.movement.origin} → ${m.movement.arrivalAirport ?? '?'}, departs ${m.movement.departAt}) written to ${file}`,
    `${t.persons} persons in ${t.households} households on ${t.seats} seats (${t.seatsFree} free); baggage ${t.baggageAllowanceKg} kg (${t.baggagePerPersonKg} kg each)`,
    `checked in ${t.checkedIn}, boarded ${t.boarded}, no-show ${t.noShow}, arrived ${t.arrived}, not yet seen ${t.booked}, conflicts ${t.conflicts}`,
  ];
  if (m.warnings.length > 0) {
    lines.push(`warnings (${m.warnings.length}):`);
    for (const w of m.warnings.slice(0, 40)) lines.push(`  ${w.kind}: ${w.message}`);
    if (m.warnings.length > 40) lines.push(`  … ${m.warnings.length - 40} more (see --json)`);
  }
  return lines.join('\n');
}

/** Registers `corridor manifest`. */
export function registerManifest(program: Command): void {
  program
    .command('manifest <movement>')
    .description(
      'the manifest of a movement from the current timetable: households together, documents checked (expiry before arrival, ICAO 9303 MRZ check digits); CSV, XLSX, PDF (A4) or UN/EDIFACT PAXLST D:05B',
    )
    .option('--format <format>', manifestFormats.join(', '), 'csv')
    .option('--out <file>', 'file to write (default: standard output; required for XLSX and PDF)')
    .option('--min-validity-days <n>', 'days a document must stay valid after arrival', '0')
    .option('--travel-days <n>', 'days from departure to arrival', '1')
    .option('--sender <id>', 'PAXLST sender identification', 'CORRIDOR')
    .option('--recipient <id>', 'PAXLST recipient (default: <arrival airport>API)')
    .option('--json', 'with --out: print totals and warnings as JSON')
    .action(async (movement: string, o: Record<string, string | undefined>, command: Command) => {
      const format = o.format as ManifestFormat;
      if (!(manifestFormats as readonly string[]).includes(format))
        throw errors.invalidInput(
          `--format must be ${manifestFormats.join(', ')}, not "${o.format}"`,
        );
      if ((format === 'xlsx' || format === 'pdf') && !o.out)
        throw errors.invalidInput(`${format.toUpperCase()} needs --out FILE`);
      const result = await withStore(command, false, async (store) => {
        const file = await manifestFile(store, movement, format, {
          minValidityDays: wholeNumber('--min-validity-days', o.minValidityDays) ?? 0,
          travelDays: wholeNumber('--travel-days', o.travelDays) ?? 1,
          ...(o.sender ? { sender: o.sender } : {}),
          ...(o.recipient ? { recipient: o.recipient } : {}),
        });
        await recordExport(store, actorOf(command), 'manifest', movement, {
          format,
          persons: file.manifest.totals.persons,
        });
        return file;
      });
      if (!o.out) {
        process.stdout.write(result.content);
        return;
      }
      writeFileSync(o.out, result.content, { mode: 0o600 });
      const m = result.manifest;
      output(
        command,
        {
          file: o.out,
          format,
          movement: m.movement.id,
          totals: m.totals,
          warnings: m.warnings,
          ...(result.paxlst ? { paxlst: result.paxlst } : {}),
        },
        () => manifestSummaryText(m, o.out!),
      );
    });
}
