/**
 * Grievances and appeals (issue 23 item 2): the words of the log (channels, categories, urgency,
 * statuses), the response deadline each urgency sets, and which status may follow which.
 */

/** How a complaint reached the operation. */
export const grievanceChannels = [
  'desk',
  'phone',
  'hotline',
  'email',
  'letter',
  'community-meeting',
  'other',
] as const;
/** One channel. */
export type GrievanceChannel = (typeof grievanceChannels)[number];

/** What a complaint is about. */
export const grievanceCategories = [
  'allocation',
  'timetable',
  'property',
  'conduct',
  'protection',
  'data-protection',
  'other',
] as const;
/** One category. */
export type GrievanceCategory = (typeof grievanceCategories)[number];

/** How soon a complaint must be answered. */
export const grievanceUrgencies = ['low', 'normal', 'high', 'critical'] as const;
/** One urgency. */
export type GrievanceUrgency = (typeof grievanceUrgencies)[number];

/** Where a complaint stands. */
export const grievanceStatuses = [
  'open',
  'acknowledged',
  'responded',
  'closed',
  'escalated',
] as const;
/** One status. */
export type GrievanceStatus = (typeof grievanceStatuses)[number];

/** Days from receipt to the response deadline, per urgency. */
export const responseDays: Readonly<Record<GrievanceUrgency, number>> = {
  critical: 2,
  high: 7,
  normal: 14,
  low: 30,
};

/** The response deadline of a complaint received at `receivedAt` with `urgency`. */
export function responseDeadline(receivedAt: Date, urgency: GrievanceUrgency): Date {
  return new Date(receivedAt.getTime() + responseDays[urgency] * 86_400_000);
}

/** Statuses still waiting for an answer: these become overdue after the deadline. */
export const awaitingStatuses: readonly GrievanceStatus[] = ['open', 'acknowledged', 'escalated'];

/** True when a complaint in `status`, due at `dueAt`, is past its deadline at `now`. */
export function isOverdue(status: GrievanceStatus, dueAt: Date, now: Date): boolean {
  return awaitingStatuses.includes(status) && now.getTime() > dueAt.getTime();
}

/** The statuses each status may move to; a closed complaint may only be reopened. */
export const grievanceMoves: Readonly<Record<GrievanceStatus, readonly GrievanceStatus[]>> = {
  open: ['acknowledged', 'responded', 'escalated', 'closed'],
  acknowledged: ['responded', 'escalated', 'closed'],
  escalated: ['acknowledged', 'responded', 'closed'],
  responded: ['escalated', 'closed', 'open'],
  closed: ['open'],
};

/** Why `from` may not move to `to`, or null when it may. */
export function grievanceMoveProblem(from: GrievanceStatus, to: GrievanceStatus): string | null {
  if (grievanceMoves[from].includes(to)) return null;
  const allowed = grievanceMoves[from];
  return `a grievance that is ${from} cannot become ${to} (it may become: ${allowed.join(', ')})`;
}

/** How an appeal against an allocation was decided. */
export const appealOutcomes = ['upheld', 'rejected'] as const;
/** One outcome. */
export type AppealOutcome = (typeof appealOutcomes)[number];
