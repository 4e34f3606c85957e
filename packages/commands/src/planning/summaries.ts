/** What the long planning commands answer: `--json`, and a job's `result` over HTTP. */
import { z } from 'zod';

const int = z.number().int();
const SavedPlan = z.object({ id: int, version: int });
const Shortfall = z.array(z.object({ resource: z.string(), missing: z.number() }));
/** Cases a run left out because a member refused or withdrew registration consent. */
const withoutConsent = {
  withoutConsent: int.describe('cases left out: a member refused or withdrew registration consent'),
  withoutConsentCases: z.array(z.string()).describe('their case ids'),
};

/** `corridor allocate --json`: the allocation's figures and the plan version saved. */
export const AllocationSummarySchema = z.object({
  status: z.string(),
  objective: z.number(),
  bound: z.number(),
  gap: z.number(),
  unplaced: int,
  unplacedPersons: int,
  cases: int,
  byDestination: z.record(
    z.string(),
    z.object({ cases: int, persons: int, capacity: z.number(), medical: int }),
  ),
  shortfall: Shortfall,
  timeMs: z.number(),
  ...withoutConsent,
  plan: SavedPlan,
});

/** `corridor schedule --json`: the timetable's figures against first-ready-first-served. */
/** A plan's exposure under sampled hazard paths (`core/exposure-risk.ts`). */
export const PlanRiskSchema = z
  .object({
    expected: z.number().describe('mean exposure over the sampled hazard paths'),
    cvar90: z.number().describe('mean exposure of the worst 10% of paths (CVaR 90%)'),
    p90: z.number().describe('the 90% quantile of the paths’ exposure'),
    samples: int,
    blockDays: int.describe('days that share one draw of the hazard level'),
    attitude: z
      .enum(['neutral', 'averse'])
      .describe('planned against the mean hazard, or its 90% upper quantile'),
  })
  .describe('exposure under the hazard’s uncertainty');

const Booking = z.object({
  id: z.string(),
  day: z.string(),
  destinationId: z.string().nullable(),
  seats: int,
  cost: z.number().describe('major units of the currency'),
});

/** Candidate movements a timetable run chose from (issue 21 item 2). */
export const CandidateSummarySchema = z
  .object({
    offered: int,
    bookable: int.describe('candidates with a day left in their window after the booking notice'),
    chosen: z.array(Booking),
    currency: z.string(),
    totalCost: z.number(),
    budget: z.number().nullable(),
    exposure: z
      .number()
      .describe('the plan’s, waiting counted to the last day any candidate could leave'),
    firstReadyFirstServed: z
      .object({ exposure: z.number(), totalCost: z.number(), chosen: z.array(Booking) })
      .describe('by hand: first offered first booked, then first ready first served'),
    exposureRatio: z.number().nullable(),
    weights: z
      .object({ exposure: z.number(), cost: z.number(), makespan: z.number() })
      .describe('objective: exposure·w + cost (minor units)·w + makespan days·w'),
    method: z.string(),
    evaluations: int,
    chooseMs: z.number(),
  })
  .describe('candidate movements booked by this plan, and the hand method beside it');

export const ScheduleSummarySchema = z.object({
  status: z.string(),
  exposure: z.number(),
  makespanDays: z.number(),
  movementsUsed: int,
  unplaced: int,
  unplacedPersons: int,
  unusedSeats: z.number(),
  gap: z.number(),
  cases: int,
  startDay: z.string(),
  firstReadyFirstServed: z.object({ exposure: z.number(), unplaced: int, cvar90: z.number() }),
  exposureRatioToFirstReady: z.number().nullable(),
  shortfall: Shortfall,
  unplacedCases: z.array(z.string()),
  ...withoutConsent,
  timeMs: z.number(),
  allocateThenSchedule: z.object({ exposure: z.number(), saved: z.number() }).optional(),
  candidates: CandidateSummarySchema.optional(),
  risk: PlanRiskSchema,
  plan: SavedPlan,
});

/** `corridor replan --json`: who changed movement and why, and the exposure before and after. */
export const ReplanSummarySchema = z.object({
  status: z.string(),
  changedCases: int,
  keptCases: int,
  minimumChanges: int,
  exposureBefore: z.number(),
  exposureAfter: z.number(),
  timeMs: z.number(),
  changes: z.array(
    z.object({
      case: z.string(),
      persons: int,
      from: z.string().nullable(),
      to: z.string().nullable(),
      reason: z.string(),
    }),
  ),
  ...withoutConsent,
  risk: PlanRiskSchema,
  plan: SavedPlan.nullable().describe('the version saved; null for a dry run, which saves nothing'),
  dryRun: z.boolean().describe('true: a proposal, nothing saved and no movement changed'),
});
