/** `message.templateAdd`: saves the template of a purpose in one language (ICU MessageFormat). */
import { MessageTemplateSchema } from '@corridor/core';
import { defineCommand } from '../define.js';
import { checkTemplate } from './render.js';
import { TemplateOut } from './schemas.js';

/**
 * Sets (or replaces) the template of a purpose and language; one with an unknown or a missing
 * variable, or that is not ICU MessageFormat, is refused (400 naming the field) and nothing is saved.
 */
export const addMessageTemplate = defineCommand({
  name: 'message.templateAdd',
  summary: 'Save the message template of a purpose in one language (ICU MessageFormat)',
  input: MessageTemplateSchema,
  output: TemplateOut,
  permission: 'message.template',
  audit: 'message.template',
  async run({ store, actor }, template) {
    checkTemplate(template);
    return store.messages.setTemplate(template, actor);
  },
});
