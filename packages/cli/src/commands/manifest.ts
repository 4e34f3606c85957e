/** `corridor manifest MOVEMENT`: the passenger manifest in CSV, XLSX, PDF, PAXLST or JSON (M6). */
import { generateManifest } from '@corridor/commands';
import { errors, type Manifest } from '@corridor/core';
import { manifestFormats } from '@corridor/formats';
import type { Command } from 'commander';
import { bindCli } from '../run-command.js';

/** A whole-number flag as the command reads it (decimal text), refused early with the flag's name. */
function wholeNumber(flag: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,15}$/.test(String(value)))
    throw errors.invalidInput(`${flag} must be a whole number ≥ 0, not "${String(value)}"`);
  return String(value);
}

type Written = {
  file?: string;
  format: string;
  movement: string;
  route: { origin: string; arrivalAirport: string | null; departAt: string };
  totals: Manifest['totals'];
  warnings: Manifest['warnings'];
};

/** Totals and warnings of a manifest, for the terminal. */
export function manifestSummaryText(m: Written): string {
  const t = m.totals;
  const lines = [
    `manifest of ${m.movement} (${m.route.origin} → ${m.route.arrivalAirport ?? '?'}, departs ${m.route.departAt}) written to ${m.file}`,
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
  bindCli<Written>(
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
      .option('--json', 'with --out: print totals and warnings as JSON'),
    generateManifest,
    ([movement], o) => {
      const format = String(o.format);
      if (!(manifestFormats as readonly string[]).includes(format))
        throw errors.invalidInput(
          `--format must be ${manifestFormats.join(', ')}, not "${format}"`,
        );
      if ((format === 'xlsx' || format === 'pdf') && !o.out)
        throw errors.invalidInput(`${format.toUpperCase()} needs --out FILE`);
      return {
        movementId: movement,
        format,
        minValidityDays: wholeNumber('--min-validity-days', o.minValidityDays),
        travelDays: wholeNumber('--travel-days', o.travelDays),
        ...(o.sender ? { sender: String(o.sender) } : {}),
        ...(o.recipient ? { recipient: String(o.recipient) } : {}),
      };
    },
    manifestSummaryText,
    { file: { stdout: true } },
  );
}
