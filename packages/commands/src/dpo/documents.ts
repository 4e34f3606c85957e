/**
 * `dpo.ropa` and `dpo.dpia`: the records of processing activities (GDPR Art. 30) and a DPIA draft,
 * as Markdown files a data-protection officer can file, drawn from the operation's settings.
 */
import type { ProcessingFacts } from '@corridor/core';
import type { Store } from '@corridor/storage';
import { dpiaMarkdown, ropaMarkdown } from '@corridor/formats';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { fileOutput } from '../file-output.js';

/** What the CLI prints of a document: what it was drawn from (counts, no person). */
const DocumentSummary = z.object({
  document: z.enum(['ropa', 'dpia']),
  date: z.string(),
  persons: z.number().int(),
  cases: z.number().int(),
  destinations: z.number().int(),
  carriers: z.number().int(),
  keyGeneration: z.number().int(),
  bytes: z.number().int(),
});

function dpoDocument(kind: 'ropa' | 'dpia', render: (f: ProcessingFacts, today: string) => string) {
  return async ({ store, now }: { store: Store; now: Date }) => {
    const facts = await store.retention.facts();
    const today = now.toISOString().slice(0, 10);
    const content = Buffer.from(render(facts, today), 'utf8');
    return {
      filename: `${kind}-${today}.md`,
      contentType: 'text/markdown; charset=utf-8',
      content,
      summary: {
        document: kind,
        date: today,
        persons: facts.persons,
        cases: facts.cases,
        destinations: facts.destinations.length,
        carriers: facts.carriers.length,
        keyGeneration: facts.keyGeneration,
        bytes: content.length,
      },
    };
  };
}

/** The records of processing activities, from the operation's settings; no personal data. */
export const dpoRopa = defineCommand({
  name: 'dpo.ropa',
  summary:
    'Records of processing activities (GDPR Art. 30) as Markdown, from the operation’s settings',
  input: z.object({}),
  output: fileOutput(DocumentSummary),
  permission: 'dpo.read',
  audit: null,
  run: dpoDocument('ropa', ropaMarkdown),
});

/** A data-protection impact assessment draft, from the operation's settings; no personal data. */
export const dpoDpia = defineCommand({
  name: 'dpo.dpia',
  summary: 'A data-protection impact assessment draft (GDPR Art. 35) as Markdown, for the DPO',
  input: z.object({}),
  output: fileOutput(DocumentSummary),
  permission: 'dpo.read',
  audit: null,
  run: dpoDocument('dpia', dpiaMarkdown),
});
