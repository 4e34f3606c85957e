/**
 * Host-state procedures (issue 21): the steps a destination state takes before a case may travel
 * there (dossier, interview, decision, visa, exit permit, fit-to-travel), and what they imply for
 * planning — the first day the case is ready and the last day its documents are valid. Pure.
 */
import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './schemas.js';
import { addDays, type IsoDate } from './units.js';

/** A step's name: lower-case words joined by hyphens (`exit-permit`). */
export const StepNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a lower-case word such as visa or exit-permit');

/** One step of a state's procedure as the template describes it. */
export const ProcedureStepTemplateSchema = z.object({
  step: StepNameSchema,
  /** Typical days from the previous step to this one (estimates a pending procedure's ready day). */
  typicalDays: z.number().int().min(0).max(3650),
  /** True for documents that expire (visa, exit permit, fit-to-travel). */
  expires: z.boolean(),
  /** False for a step that is recorded but does not hold travel (default true). */
  required: z.boolean().default(true),
  /**
   * A check that is repeated until it passes (fit-to-travel): a negative outcome means "not yet",
   * not a refusal by the state. Default: true for `fit-to-travel`, false for every other step.
   */
  recheck: z.boolean().optional(),
});
export type ProcedureStepTemplate = z.infer<typeof ProcedureStepTemplateSchema>;

/** A destination state's procedure: its steps in order. */
export const ProcedureTemplateSchema = z.object({
  state: IdSchema.describe('the destination (host state) id'),
  steps: z
    .array(ProcedureStepTemplateSchema)
    .min(1, 'a procedure needs at least one step')
    .max(30)
    .refine((s) => new Set(s.map((x) => x.step)).size === s.length, 'step names must be unique'),
});
export type ProcedureTemplate = z.infer<typeof ProcedureTemplateSchema>;

/** The steps every state starts with until a planner sets its own. */
export const defaultProcedureSteps: readonly ProcedureStepTemplate[] = [
  { step: 'dossier', typicalDays: 0, expires: false, required: true },
  { step: 'interview', typicalDays: 60, expires: false, required: true },
  { step: 'decision', typicalDays: 45, expires: false, required: true },
  { step: 'visa', typicalDays: 30, expires: true, required: true },
  { step: 'exit-permit', typicalDays: 14, expires: true, required: true },
  { step: 'fit-to-travel', typicalDays: 3, expires: true, required: true },
];

/** True when a negative outcome of `def` means "not yet" (a check repeated until it passes). */
export function isRecheck(def: Pick<ProcedureStepTemplate, 'step' | 'recheck'>): boolean {
  return def.recheck ?? def.step === 'fit-to-travel';
}

/** The default template for `state`. */
export function defaultProcedureTemplate(state: string): ProcedureTemplate {
  return { state, steps: defaultProcedureSteps.map((s) => ({ ...s })) };
}

/** What a step came to: still open, done (a dossier sent), positive (a visa issued), or negative (refused). */
export const procedureOutcomes = ['pending', 'done', 'positive', 'negative'] as const;
export type ProcedureOutcome = (typeof procedureOutcomes)[number];
/** An outcome as input, naming the outcomes when it is not one. */
export const ProcedureOutcomeSchema = z.enum(procedureOutcomes, {
  error: (issue) =>
    `unknown outcome "${String(issue.input)}"; outcomes: ${procedureOutcomes.join(', ')}`,
});

/** One recorded step of one case's procedure with one state (no free text: see the note). */
export interface ProcedureStep {
  caseId: string;
  state: string;
  step: string;
  /** When the step happened (dossier sent, visa issued); null while pending with no date. */
  date: IsoDate | null;
  outcome: ProcedureOutcome;
  /** When the document stops being valid, for steps that expire. */
  expires: IsoDate | null;
}

/** A step as a user writes it (the CLI's flags, the API's body, an import row). */
export const ProcedureStepInputSchema = z.object({
  caseId: IdSchema.describe('the case (household)'),
  state: IdSchema.describe('the destination (host state) id'),
  step: StepNameSchema.describe('a step of the state’s template, e.g. visa'),
  date: IsoDateSchema.nullable().optional().describe('YYYY-MM-DD the step happened'),
  outcome: ProcedureOutcomeSchema,
  expires: IsoDateSchema.nullable().optional().describe('YYYY-MM-DD the document expires'),
});

/** One problem with a step: the field it concerns and why. */
export interface StepProblem {
  field: 'caseId' | 'state' | 'step' | 'date' | 'outcome' | 'expires';
  reason: string;
}

const good = (o: ProcedureOutcome) => o === 'done' || o === 'positive';

/**
 * What is wrong with `step` given the template and the case's other steps with that state: an
 * unknown step, a date before its predecessor's (or after a recorded successor's: `successors`,
 * by default `others`), an expiry before the issue date or on a step that does not expire, a done
 * or positive step with no date.
 */
export function stepProblems(
  template: ProcedureTemplate,
  step: ProcedureStep,
  others: readonly ProcedureStep[],
  successors: readonly ProcedureStep[] = others,
): StepProblem[] {
  const problems: StepProblem[] = [];
  const at = template.steps.findIndex((s) => s.step === step.step);
  if (at < 0) {
    problems.push({
      field: 'step',
      reason: `"${step.step}" is not a step of ${template.state}'s procedure (${template.steps.map((s) => s.step).join(', ')})`,
    });
    return problems;
  }
  const def = template.steps[at]!;
  if (step.outcome !== 'pending' && step.date === null)
    problems.push({ field: 'date', reason: `a ${step.outcome} step needs its date` });
  if (step.expires !== null && !def.expires)
    problems.push({ field: 'expires', reason: `${step.step} does not expire in the template` });
  if (step.expires !== null && step.date !== null && step.expires < step.date)
    problems.push({
      field: 'expires',
      reason: `expiry ${step.expires} is before the issue date ${step.date}`,
    });
  if (step.date !== null) {
    const datesOf = (list: readonly ProcedureStep[]) =>
      new Map(
        list
          .filter((o) => o.step !== step.step && o.date !== null)
          .map((o) => [o.step, o.date!] as const),
      );
    let dated = datesOf(others);
    for (let k = at - 1; k >= 0; k--) {
      const before = dated.get(template.steps[k]!.step);
      if (before === undefined) continue;
      if (step.date < before)
        problems.push({
          field: 'date',
          reason: `${step.date} is before the ${template.steps[k]!.step} step's date ${before}`,
        });
      break;
    }
    dated = datesOf(successors);
    for (let k = at + 1; k < template.steps.length; k++) {
      const after = dated.get(template.steps[k]!.step);
      if (after === undefined) continue;
      if (step.date > after)
        problems.push({
          field: 'date',
          reason: `${step.date} is after the ${template.steps[k]!.step} step's date ${after}`,
        });
      break;
    }
  }
  return problems;
}

/** What a case's procedure with one state means for planning. */
export interface ProcedureStanding {
  /** Every required step done or positive: the last of their dates; else null. */
  readyDate: IsoDate | null;
  /** The ready day to plan with: `readyDate`, or an estimate from the typical durations of the steps left. */
  expectedReadyDate: IsoDate | null;
  /** The earliest expiry among the valid (done or positive) documents; null when none expires. */
  latestDate: IsoDate | null;
  /** The state refused the case (a negative outcome of a step that is not a recheck). */
  refused: boolean;
  /** Checks whose latest outcome is negative (fit-to-travel failed): not ready until they pass. */
  failedChecks: string[];
  /** Required steps not yet done or positive, in template order. */
  pendingSteps: string[];
}

/**
 * The case's standing with one state from its steps: ready when every required step is done or
 * positive (the last step's date), latest = the earliest expiry of a valid document. A pending
 * procedure's expected ready day adds the typical days of the steps left to the last dated step
 * (or to `today`, if later). A failed check (fit-to-travel) is a step left, counted from its date.
 */
export function procedureStanding(
  template: ProcedureTemplate,
  steps: readonly ProcedureStep[],
  today: IsoDate,
): ProcedureStanding {
  const byStep = new Map(steps.map((s) => [s.step, s]));
  const rechecked = new Set(template.steps.filter(isRecheck).map((d) => d.step));
  const refused = steps.some((s) => s.outcome === 'negative' && !rechecked.has(s.step));
  const failedChecks = template.steps
    .filter((d) => rechecked.has(d.step) && byStep.get(d.step)?.outcome === 'negative')
    .map((d) => d.step);
  const pendingSteps: string[] = [];
  let lastDate: IsoDate | null = null;
  let latestDate: IsoDate | null = null;
  for (const s of steps) {
    // A failed check is dated: the check is repeated from that day on.
    if (s.outcome === 'negative' && rechecked.has(s.step) && s.date !== null)
      if (lastDate === null || s.date > lastDate) lastDate = s.date;
    if (!good(s.outcome)) continue;
    if (s.date !== null && (lastDate === null || s.date > lastDate)) lastDate = s.date;
    if (s.expires !== null && (latestDate === null || s.expires < latestDate))
      latestDate = s.expires;
  }
  let remainingDays = 0;
  let readyLast: IsoDate | null = null;
  for (const def of template.steps) {
    const s = byStep.get(def.step);
    if (s && good(s.outcome)) {
      if (def.required && s.date !== null && (readyLast === null || s.date > readyLast))
        readyLast = s.date;
      continue;
    }
    if (!def.required) continue;
    pendingSteps.push(def.step);
    remainingDays += def.typicalDays;
  }
  const readyDate = refused || pendingSteps.length > 0 ? null : readyLast;
  const from = lastDate !== null && lastDate > today ? lastDate : today;
  const expectedReadyDate = refused
    ? null
    : (readyDate ?? addDays(from, Math.max(remainingDays, pendingSteps.length > 0 ? 1 : 0)));
  return { readyDate, expectedReadyDate, latestDate, refused, failedChecks, pendingSteps };
}
