/** `corridor export persons|households|plan|timetable|destinations`: files for other systems (M2). */
import { writeFileSync } from 'node:fs';
import { errors, maySee, type Role } from '@corridor/core';
import { exportRegistry } from '@corridor/commands';
import { exportFormats, exportKinds, type ExportFormat, type ExportKind } from '@corridor/formats';
import { recordExport } from '@corridor/storage';
import type { Command } from 'commander';
import { actorOf, output, withStore } from '../context.js';

/** Registers `corridor export`. */
export function registerExport(program: Command): void {
  program
    .command('export <what>')
    .description(
      `write ${exportKinds.join(', ')} as CSV, XLSX or JSON; households stay whole (rows grouped by household, links marked); \`corridor import\` reads persons files back unchanged`,
    )
    .option('--format <format>', exportFormats.join(', '), 'csv')
    .option('--hxl', 'add the HXL hashtag row under the header (CSV, XLSX)')
    .option(
      '--redact',
      'leave out personal data: names, birth dates, documents, MRZ, phone, protection notes and needs',
    )
    .option('--out <file>', 'file to write (default: standard output; required for XLSX)')
    .option('--json', 'with --out: print what was written as JSON')
    .action(
      async (
        what: string,
        o: { format: string; hxl?: boolean; redact?: boolean; out?: string },
        command: Command,
      ) => {
        if (!(exportKinds as readonly string[]).includes(what))
          throw errors.invalidInput(`export what? one of ${exportKinds.join(', ')}, not "${what}"`);
        if (!(exportFormats as readonly string[]).includes(o.format))
          throw errors.invalidInput(
            `--format must be ${exportFormats.join(', ')}, not "${o.format}"`,
          );
        if (o.format === 'xlsx' && !o.out) throw errors.invalidInput('XLSX needs --out FILE');
        const actor = actorOf(command);
        // Until role-based redaction lands everywhere, a role that may not see names gets a redacted file.
        const redact =
          Boolean(o.redact) || (what === 'persons' && !maySee(actor.role as Role, 'name'));
        const content = await withStore(command, false, async (store) => {
          const bytes = await exportRegistry(store, what as ExportKind, {
            format: o.format as ExportFormat,
            hxl: Boolean(o.hxl),
            redact,
          });
          await recordExport(store, actor, 'registry', what, {
            format: o.format,
            redacted: redact,
            bytes: bytes.length,
          });
          return bytes;
        });
        if (!o.out) {
          process.stdout.write(content);
          return;
        }
        writeFileSync(o.out, content, { mode: 0o600 });
        output(
          command,
          { file: o.out, kind: what, format: o.format, bytes: content.length, redacted: redact },
          () =>
            `${what} written to ${o.out} (${o.format}${redact ? ', redacted' : ''}, ${content.length} bytes)`,
        );
      },
    );
}
