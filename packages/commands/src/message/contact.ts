/** `message.contact`: a person's e-mail address and phone number, sealed in their record. */
import { EmailSchema, errors, IdSchema, PhoneSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';

/**
 * Sets or removes (null) a person's e-mail address or phone number. They are personal data: kept
 * inside the person's record sealed under their own key, so erasing the person erases them; the
 * answer and the audit event name the fields changed, never the values.
 */
export const setContact = defineCommand({
  name: 'message.contact',
  summary: "Set a person's e-mail address or phone number (sealed under the person's key)",
  input: z.object({
    personId: IdSchema,
    email: EmailSchema.nullable().optional().describe('null removes it'),
    phone: PhoneSchema.nullable().optional().describe('null removes it'),
  }),
  output: z.object({
    personId: z.string(),
    case: z.string(),
    changed: z.array(z.string()).describe('the fields written (email, phone); never their values'),
  }),
  permission: 'message.contact',
  audit: 'message.contact',
  async run({ store, actor }, { personId, email, phone }) {
    if (email === undefined && phone === undefined)
      throw errors.invalidInput(
        'invalid input for message.contact at email: give an e-mail address or a phone number (or null to remove one)',
      );
    const done = await store.messages.setContact(
      personId,
      { ...(email !== undefined ? { email } : {}), ...(phone !== undefined ? { phone } : {}) },
      actor,
    );
    return { personId, case: done.householdId, changed: done.changed };
  },
});
