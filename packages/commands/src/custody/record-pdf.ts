/** `custody.recordPdf`: one person's custody record as a PDF for a claim, audited as an export. */
import { IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { fileOutput } from '../file-output.js';
import { downloadRecipient, logDisclosure } from '../disclosure/log.js';
import { custodyRecordFile } from './custody-record.js';

/** Names and details as the reader's role may see them; every download is in the audit log. */
export const custodyRecordPdf = defineCommand({
  name: 'custody.recordPdf',
  summary: "One person's custody record as an A4 PDF for a claim (names and details by role)",
  input: z.object({ personId: IdSchema }),
  output: fileOutput(
    z.object({
      personId: z.string(),
      householdId: z.string(),
      bytes: z.number().int(),
      items: z.number().int(),
      chainVerified: z.boolean(),
    }),
  ),
  permission: 'custody.read',
  audit: 'export',
  async run(ctx, { personId }) {
    const { store, actor, now, locale } = ctx;
    const file = await custodyRecordFile(store, actor, personId, now, locale);
    await logDisclosure(ctx, {
      kind: 'custody-record',
      format: 'pdf',
      recipient: downloadRecipient(ctx),
      subject: personId,
      purpose: null,
      persons: [{ personId, householdId: file.householdId }],
    });
    return {
      filename: `custody-${personId}.pdf`,
      contentType: 'application/pdf',
      content: file.pdf,
      summary: {
        personId,
        householdId: file.householdId,
        bytes: file.pdf.length,
        items: file.items,
        chainVerified: file.chainVerified,
      },
    };
  },
});
