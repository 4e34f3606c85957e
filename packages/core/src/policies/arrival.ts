/** After arrival (issue 23 item 5): who confirms arrivals, follows cases up, and hands files over. */
import { definePolicy, everyone, rolesRule } from './rule.js';

/**
 * Everyone reads arrivals and follow-ups (dates, partners and outcome codes, no personal data).
 * Movement officers confirm arrivals, as the workflow lets them move a case from departed to
 * arrived, and issue confirmation links to receiving partners. Registrars and protection officers
 * make the follow-up contacts; handing a case file to the receiving agency is a protection
 * officer's decision (and the admin's).
 */
export const arrivalPolicy = definePolicy('arrival', {
  read: rolesRule(everyone),
  confirm: rolesRule(['admin', 'movement-officer']),
  link: rolesRule(['admin', 'movement-officer']),
  followUp: rolesRule(['admin', 'registrar', 'protection-officer']),
  handover: rolesRule(['admin', 'protection-officer']),
});
