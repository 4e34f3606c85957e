/** `message.templateList`: the saved templates, by purpose and language. */
import {
  messagePurposes,
  messagePurposeSpecs,
  MessagePurposeSchema,
  templateVariables,
} from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { TemplateOut } from './schemas.js';

/** The templates, with the variables each purpose's templates may use. */
export const listMessageTemplates = defineCommand({
  name: 'message.templateList',
  summary: 'List the message templates, and the variables each purpose may use',
  input: z.object({ purpose: MessagePurposeSchema.optional() }),
  output: z.object({
    templates: z.array(TemplateOut),
    variables: z
      .record(z.string(), z.array(z.string()))
      .describe('per purpose, every variable its templates may use'),
    facts: z
      .record(z.string(), z.array(z.string()))
      .describe('per purpose, the variables given when sending (--fact name=value)'),
  }),
  permission: 'message.read',
  audit: null,
  async run({ store }, { purpose }) {
    const purposes = messagePurposes.filter((p) => !purpose || p === purpose);
    return {
      templates: await store.messages.templates(purpose),
      variables: Object.fromEntries(purposes.map((p) => [p, templateVariables(p)])),
      facts: Object.fromEntries(purposes.map((p) => [p, [...messagePurposeSpecs[p].facts]])),
    };
  },
});
