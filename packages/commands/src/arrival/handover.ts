/**
 * `arrival.handover`: the case file handed to the receiving agency once the case arrived — a
 * redacted JSON file, only with every member's referral consent to the destination's state (or the
 * operation's declared basis), logged as a disclosure. What stays here then follows the retention
 * schedule, counted from the arrival; the answer says when each category is due.
 */
import { errors, IdSchema, retentionCategoryInfo } from '@corridor/core';
import { recordExport } from '@corridor/storage';
import { z } from 'zod';
import { requireConsent } from '../consent/require.js';
import { defineCommand } from '../define.js';
import { logDisclosure } from '../disclosure/log.js';
import { fileOutput } from '../file-output.js';

/** What the file leaves out, said in the file itself so the receiver knows it is not missing. */
export const handoverLeavesOut = [
  'document numbers and machine-readable zones',
  'protection notes',
  'phone numbers and e-mail addresses',
  'case history reasons and staff notes',
  'grievances, appeals and their words',
  'check-in log and property records',
] as const;

const command = 'arrival.handover';

export const handoverCase = defineCommand({
  name: command,
  summary: 'The case file for the receiving agency: redacted JSON, with referral consent, logged',
  input: z.object({ caseId: IdSchema.describe('an arrived case') }),
  output: fileOutput(
    z.object({
      case: z.string(),
      state: z.string().describe('the destination’s state the file is handed to'),
      persons: z.number().int(),
      basis: z.string().describe('consent, or the basis the operation declared for referral'),
      retention: z
        .array(z.object({ category: z.string(), dueOn: z.string() }))
        .describe('when what stays here about the case is due under the retention schedule'),
    }),
  ),
  permission: 'arrival.handover',
  audit: 'export',
  async run(ctx, { caseId }) {
    const view = await ctx.store.registry.household(caseId);
    if (!view || view.mergedInto) throw errors.notFound('case', caseId);
    if (view.status !== 'arrived')
      throw errors.invalidTransition(
        `case ${caseId}: is ${view.status}; a case file is handed over once the case arrived`,
      );
    const plan =
      (await ctx.store.plans.current('joint')) ?? (await ctx.store.plans.current('allocation'));
    const destinationId = plan?.assignments.find((a) => a.householdId === caseId)?.destinationId;
    const destination = (await ctx.store.registry.destinations()).find(
      (d) => d.id === destinationId,
    );
    if (!destination)
      throw errors.invalidTransition(
        `case ${caseId}: has no destination in the current plan; nothing says whom to hand it to`,
      );
    const living = view.members.filter((m) => m.pii !== null && !m.mergedInto);
    const basis = await requireConsent(
      ctx,
      living.map((m) => m.id),
      'referral',
      destination.country,
    );
    const confirmations = await ctx.store.arrivals.confirmations(caseId);
    const followUps = await ctx.store.arrivals.followUps({ householdId: caseId });
    const arrivedAt = view.history.findLast((h) => h.to === 'arrived')?.at ?? ctx.now.toISOString();
    const file = {
      kind: 'corridor-case-handover',
      version: 1,
      case: caseId,
      handedOverAt: ctx.now.toISOString(),
      handedOverBy: ctx.actor.name,
      to: { state: destination.country, destination: destination.id, name: destination.name },
      basis: basis.label,
      originCountry: view.originCountry,
      languages: view.languages,
      arrival: confirmations.map((c) => ({
        arrivedOn: c.arrivedOn,
        confirmedBy: c.partner,
        via: c.via,
      })),
      members: view.members
        .filter((m) => !m.mergedInto)
        .map((m) =>
          m.pii === null
            ? { id: m.id, erased: true }
            : {
                id: m.id,
                isHead: m.isHead,
                givenName: m.pii.givenName,
                familyName: m.pii.familyName,
                birthDate: m.pii.birthDate,
                sex: m.sex,
                needs: m.needs.map((n) => ({ code: n.code, severity: n.severity })),
                documents: m.documents.map((d) => ({
                  type: d.type,
                  issuer: d.issuer,
                  expiry: d.expiry,
                })),
              },
        ),
      followUps: followUps.map((f) => ({
        month: f.month,
        dueOn: f.dueOn,
        doneOn: f.doneOn,
        outcome: f.outcome,
      })),
      leftOut: handoverLeavesOut,
    };
    const content = Buffer.from(`${JSON.stringify(file, null, 2)}\n`, 'utf8');
    await logDisclosure(ctx, {
      kind: 'handover',
      format: 'json',
      recipient: `state ${destination.country} (destination ${destination.id}), receiving agency`,
      subject: `case ${caseId}`,
      purpose: basis.label,
      persons: living.map((m) => ({ personId: m.id, householdId: caseId })),
    });
    await recordExport(ctx.store, ctx.actor, 'case', caseId, {
      handover: true,
      state: destination.country,
      persons: living.length,
    });
    const schedules = await ctx.store.retention.schedules();
    const retention = schedules
      .filter((s) => s.after === 'arrival' || s.after === 'closure')
      .filter((s) => retentionCategoryInfo[s.category].action === 'shred')
      .map((s) => ({
        category: s.category,
        dueOn: new Date(new Date(arrivedAt).getTime() + s.days * 86_400_000)
          .toISOString()
          .slice(0, 10),
      }));
    return {
      filename: `handover-${caseId}.json`,
      contentType: 'application/json; charset=utf-8',
      content,
      summary: {
        case: caseId,
        state: destination.country,
        persons: living.length,
        basis: basis.label,
        retention,
      },
    };
  },
});
