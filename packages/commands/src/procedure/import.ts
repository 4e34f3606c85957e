/** `procedure.import`: procedure steps from a CSV or XLSX file, all or nothing. */
import { errors, type IsoDate } from '@corridor/core';
import { readProcedureFile } from '@corridor/formats';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { checkSteps, problemLines, type RowProblem } from './check-steps.js';
import { returnForReferral } from './refusal.js';

/**
 * Reads every row, checks each against its state's template, the registry and the steps already
 * recorded (a date before its predecessor's, an expiry before the issue date…), and writes all of
 * them in one transaction, or none with every bad row named by row, field and reason.
 */
export const importProcedures = defineCommand({
  name: 'procedure.import',
  summary: 'Import procedure steps from CSV or XLSX; all or nothing, every bad row named',
  input: z.object({
    content: z
      .string()
      .min(1)
      .max(30_000_000)
      .describe(
        'the file, base64-encoded: columns case, state, step, date, outcome, expires, note',
      ),
    format: z.enum(['csv', 'xlsx']).default('csv'),
  }),
  output: z.object({
    imported: z.number().int(),
    cases: z.number().int(),
    refusals: z.number().int().describe('negative outcomes in the file'),
    returnedForReferral: z
      .number()
      .int()
      .describe('cases the refusals moved to rejected-by-destination, for another referral'),
  }),
  permission: 'procedure.record',
  audit: 'procedure.import',
  async run(ctx, { content, format }) {
    const { store, actor } = ctx;
    const { rows, problems } = await readProcedureFile(Buffer.from(content, 'base64'), format);
    const all: RowProblem[] = [
      ...(problems as RowProblem[]),
      ...(await checkSteps(
        store,
        rows.map((r) => ({
          ...r,
          date: r.date as IsoDate | null,
          expires: r.expires as IsoDate | null,
        })),
      )),
    ].sort((a, b) => a.row - b.row);
    if (all.length > 0) {
      const lines = problemLines(all);
      throw errors.invalidInput(
        `nothing imported: ${all.length} problem(s): ${lines.slice(0, 20).join('; ')}${lines.length > 20 ? '; …' : ''}`,
        { problems: all },
      );
    }
    await store.procedures.record(
      rows.map((r) => ({
        caseId: r.caseId,
        state: r.state,
        step: r.step,
        date: r.date as IsoDate | null,
        outcome: r.outcome,
        expires: r.expires as IsoDate | null,
        note: r.note,
      })),
      actor,
      'procedure.import',
    );
    let returnedForReferral = 0;
    for (const r of rows.filter((x) => x.outcome === 'negative'))
      if (await returnForReferral(ctx, r)) returnedForReferral++;
    return {
      returnedForReferral,
      imported: rows.length,
      cases: new Set(rows.map((r) => r.caseId)).size,
      refusals: rows.filter((r) => r.outcome === 'negative').length,
    };
  },
});
