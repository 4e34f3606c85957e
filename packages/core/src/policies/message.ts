/** Messages to households (issue 23 item 1): templates, contact details, sending, the log. */
import type { Role } from '../roles.js';
import { definePolicy, everyone, rolesRule } from './rule.js';

/** Who writes to households: those who run movements and those answerable for protection. */
const senders: readonly Role[] = ['admin', 'movement-officer', 'protection-officer'];

/**
 * Movement and protection officers (and the admin) write templates and send; those who register
 * persons keep their contact details; every role, the auditor included, reads templates, previews
 * and the message log (which holds ids, statuses and reasons, never an address or a name).
 */
export const messagePolicy = definePolicy('message', {
  read: rolesRule(everyone),
  template: rolesRule(senders),
  send: rolesRule(senders),
  contact: rolesRule(['admin', 'registrar', 'protection-officer']),
});
