/** `corridor export persons|households|plan|timetable|destinations`: files for other systems (M2). */
import { exportRegistryFile } from '@corridor/commands';
import { errors } from '@corridor/core';
import { exportFormats, exportKinds } from '@corridor/formats';
import type { Command } from 'commander';
import { bindCli } from '../run-command.js';

type Written = { file?: string; kind: string; format: string; bytes: number; redacted: boolean };

/** Registers `corridor export`. */
export function registerExport(program: Command): void {
  bindCli<Written>(
    program
      .command('export <what>')
      .description(
        `write ${exportKinds.join(', ')} as CSV, XLSX or JSON; households stay whole (rows grouped by household, links marked); \`corridor import\` reads persons files back unchanged`,
      )
      .option('--format <format>', exportFormats.join(', '), 'csv')
      .option('--hxl', 'add the HXL hashtag row under the header (CSV, XLSX)')
      .option(
        '--redact',
        'leave out personal data: names, birth dates, documents, MRZ, phone, protection notes and needs (always so for a role that may not see them)',
      )
      .option(
        '--destination <id>',
        'persons or households: only the cases the current allocation sends there; refused unless each person gave referral consent to its state',
      )
      .option('--out <file>', 'file to write (default: standard output; required for XLSX)')
      .option('--json', 'with --out: print what was written as JSON'),
    exportRegistryFile,
    ([what], o) => {
      if (!(exportKinds as readonly string[]).includes(what!))
        throw errors.invalidInput(`export what? one of ${exportKinds.join(', ')}, not "${what}"`);
      if (!(exportFormats as readonly string[]).includes(String(o.format)))
        throw errors.invalidInput(
          `--format must be ${exportFormats.join(', ')}, not "${String(o.format)}"`,
        );
      if (o.format === 'xlsx' && !o.out) throw errors.invalidInput('XLSX needs --out FILE');
      return {
        what,
        format: o.format,
        ...(o.hxl ? { hxl: 'true' } : {}),
        ...(o.redact ? { redact: 'true' } : {}),
        ...(typeof o.destination === 'string' ? { destination: o.destination } : {}),
      };
    },
    (w) =>
      `${w.kind} written to ${w.file} (${w.format}${w.redacted ? ', redacted' : ''}, ${w.bytes} bytes)`,
    { file: { stdout: true } },
  );
}
