/** `corridor dpo ropa|dpia --out FILE`: the DPO's documents, as Markdown, from the operation's settings. */
import { dpoDpia, dpoRopa } from '@corridor/commands';
import type { Command } from 'commander';
import { bindCli } from '../run-command.js';

type Written = { file?: string; document: string; persons: number; cases: number; bytes: number };

const said = (name: string) => (w: Written) =>
  `${name}${w.file ? ` written to ${w.file}` : ''} (${w.bytes} bytes; ${w.persons} persons in ${w.cases} cases, counts only)`;

/** Registers `corridor dpo`. */
export function registerDpo(program: Command): void {
  const dpo = program
    .command('dpo')
    .description('documents for the data-protection officer, drawn from the operation’s settings');
  bindCli<Written>(
    dpo
      .command('ropa')
      .description('records of processing activities (GDPR Art. 30), Markdown')
      .option('--out <file>', 'Markdown file to write (default: standard output)')
      .option('--json', 'print what the document was drawn from as JSON'),
    dpoRopa,
    () => ({}),
    said('records of processing activities'),
    { file: { stdout: true } },
  );
  bindCli<Written>(
    dpo
      .command('dpia')
      .description('a data-protection impact assessment draft (GDPR Art. 35), Markdown')
      .option('--out <file>', 'Markdown file to write (default: standard output)')
      .option('--json', 'print what the document was drawn from as JSON'),
    dpoDpia,
    () => ({}),
    said('DPIA draft'),
    { file: { stdout: true } },
  );
}
