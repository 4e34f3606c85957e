/** `grievance.add`: logs a complaint about a case, with its deadline set by its urgency. */
import { errors, IdSchema, responseDeadline } from '@corridor/core';
import { z } from 'zod';
import { existingCase } from '../case/existing-case.js';
import { defineCommand } from '../define.js';
import {
  CategoryInput,
  ChannelInput,
  GrievanceRow,
  rowOf,
  UrgencyInput,
  wordsInput,
} from './schemas.js';

/**
 * Logs a complaint: its words are sealed under the keys of the case's members, never kept in
 * clear nor in the audit log. A confidential one is hidden (its existence too) from every role but
 * protection officers and the admin. The answer is the log's row, without the words.
 */
export const addGrievance = defineCommand({
  name: 'grievance.add',
  summary: 'Log a complaint about a case (channel, category, urgency); the words are sealed',
  input: z.object({
    caseId: IdSchema.describe('the case (household) the complaint comes from or is about'),
    channel: ChannelInput,
    category: CategoryInput,
    urgency: UrgencyInput.default('normal'),
    text: wordsInput('text').describe('the complaint in the words given (sealed)'),
    confidential: z
      .union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')])
      .default(false)
      .describe('hide it from every role but protection officers (and the admin)'),
    receivedAt: z.iso
      .datetime({ offset: true, error: 'receivedAt must be an ISO 8601 time with a zone' })
      .optional()
      .describe('when the complaint was received (default: now); sets the deadline'),
  }),
  output: GrievanceRow,
  permission: 'grievance.add',
  audit: 'grievance.add',
  async run(ctx, input) {
    await existingCase(ctx, 'grievance.add', 'caseId', input.caseId);
    const receivedAt = input.receivedAt ? new Date(input.receivedAt) : ctx.now;
    if (receivedAt.getTime() > ctx.now.getTime() + 60_000)
      throw errors.invalidInput('invalid input for grievance.add at receivedAt: is in the future', {
        issues: [{ path: 'receivedAt', message: 'is in the future' }],
      });
    const stored = await ctx.store.grievances.add(
      {
        householdId: input.caseId,
        channel: input.channel,
        category: input.category,
        urgency: input.urgency,
        confidential: input.confidential,
        text: input.text,
        receivedAt,
        dueAt: responseDeadline(receivedAt, input.urgency),
      },
      ctx.actor,
    );
    return rowOf(stored, ctx.now);
  },
});
