/** `candidate.add`: an offer of a charter, scheduled seats or a convoy slot the plan may book. */
import {
  candidateCostText,
  candidateProblems,
  CandidateMovementSchema,
  defaultBaggagePerSeatKg,
  errors,
  IdSchema,
  IsoDateSchema,
  parseMoney,
  type IsoDate,
} from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { asOfDay } from './as-of.js';
import { CandidateOut } from './schemas.js';

/** Adds a candidate movement, refused (naming the field and reason, nothing written) when impossible. */
export const addCandidate = defineCommand({
  name: 'candidate.add',
  summary: 'Add a candidate movement: an offer the timetable may book on one day of its window',
  input: z.object({
    id: IdSchema,
    kind: CandidateMovementSchema.shape.kind.default('charter'),
    to: IdSchema.nullable().optional().describe('destination id; omit for a hub'),
    seats: z.number().int().max(10_000).describe('seats offered (at least 1)'),
    baggageKg: z.number().int().min(0).max(1_000_000).optional(),
    earliestDay: IsoDateSchema.describe('first day it may depart, YYYY-MM-DD'),
    latestDay: IsoDateSchema.describe('last day it may depart, YYYY-MM-DD'),
    departTime: CandidateMovementSchema.shape.departTime.default('08:00'),
    cost: z.string().min(1).max(32).describe('cost in major units, e.g. 120000 or 1250.50'),
    currency: z.string().min(3).max(3).describe('ISO 4217 code, one for all candidates'),
    leadTimeDays: z
      .number()
      .int()
      .min(0)
      .max(365)
      .default(0)
      .describe('days of notice before departure'),
  }),
  output: CandidateOut,
  permission: 'movement.offer',
  audit: 'candidate.add',
  async run({ store, actor, now }, input) {
    const op = await store.registry.operation();
    if (!op) throw errors.noOperation();
    const currency = CandidateMovementSchema.shape.currency.safeParse(input.currency);
    if (!currency.success)
      throw errors.invalidInput(`currency "${input.currency}" must be an ISO 4217 currency code`);
    const costMinor = parseMoney(input.cost, input.currency);
    if (costMinor === null)
      throw errors.invalidInput(
        `cost "${input.cost}" must be an amount ≥ 0 in ${input.currency} (e.g. 120000 or 1250.50)`,
      );
    if (input.to && !(await store.registry.destinations()).some((d) => d.id === input.to))
      throw errors.invalidInput(`to: no destination ${input.to}`);
    if ((await store.candidates.get(input.id)) || (await store.movements.get(input.id)))
      throw errors.conflict(`id ${input.id} is used already by a candidate or a movement`);
    const others = await store.candidates.list();
    const candidate = {
      id: input.id,
      kind: input.kind,
      destinationId: input.to ?? null,
      seats: input.seats,
      baggageKg: input.baggageKg ?? input.seats * defaultBaggagePerSeatKg,
      earliestDay: input.earliestDay,
      latestDay: input.latestDay,
      departTime: input.departTime,
      costMinor,
      currency: input.currency,
      leadTimeDays: input.leadTimeDays,
    };
    const asOf: IsoDate = asOfDay(op, now);
    const problems = candidateProblems(candidate, asOf, others[0]?.currency);
    if (problems.length > 0)
      throw errors.invalidInput(
        `candidate ${input.id} not added: ${problems.join('; ')}`,
        problems.map((p) => ({ row: input.id, field: p.split(' ')[0], reason: p })),
      );
    await store.candidates.add(candidate, actor);
    const stored = (await store.candidates.get(input.id))!;
    return { ...stored, cost: candidateCostText(stored) };
  },
});
