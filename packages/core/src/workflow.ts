import type { Role } from './roles.js';

/** The main line of a case's journey, in order (SPEC: case status workflow). */
export const mainStatuses = [
  'registered',
  'verified',
  'referred',
  'accepted',
  'exit-cleared',
  'scheduled',
  'checked-in',
  'departed',
  'arrived',
] as const;
/** Side states a case can enter from the main line. */
export const sideStatuses = [
  'on-hold',
  'rejected-by-destination',
  'withdrawn',
  'missing',
  'deceased',
] as const;
/** Every case status. */
export const caseStatuses = [...mainStatuses, ...sideStatuses] as const;
/** A case status. */
export type CaseStatus = (typeof caseStatuses)[number];

/** Narrows a string to a case status. */
export function isCaseStatus(value: string): value is CaseStatus {
  return (caseStatuses as readonly string[]).includes(value);
}

/** One allowed move between statuses and who may make it. */
export interface Transition {
  from: CaseStatus;
  to: CaseStatus;
  roles: readonly Role[];
}

/** Cases that allocation places: verified and not yet scheduled (a rejected case needs a new referral). */
export const allocatableStatuses: readonly CaseStatus[] = [
  'verified',
  'referred',
  'accepted',
  'exit-cleared',
  'rejected-by-destination',
];

/** Cases the timetable moves: past verification and not yet departed. */
export const schedulableStatuses: readonly CaseStatus[] = mainStatuses.slice(1, 7);

/** Statuses from which a case has not yet left the camp. */
export const preDepartureStatuses: readonly CaseStatus[] = [
  'registered',
  'verified',
  'referred',
  'accepted',
  'exit-cleared',
  'scheduled',
  'checked-in',
];

const forward: [CaseStatus, CaseStatus, Role[]][] = [
  ['registered', 'verified', ['registrar']],
  ['verified', 'referred', ['planner']],
  ['referred', 'accepted', ['planner']],
  ['referred', 'rejected-by-destination', ['planner']],
  // A host state may still refuse after accepting (a visa or exit permit refused): issue 21.
  ['accepted', 'rejected-by-destination', ['planner']],
  ['exit-cleared', 'rejected-by-destination', ['planner']],
  ['rejected-by-destination', 'verified', ['planner', 'registrar']],
  ['accepted', 'exit-cleared', ['protection-officer']],
  ['exit-cleared', 'scheduled', ['planner', 'movement-officer']],
  ['scheduled', 'exit-cleared', ['planner', 'movement-officer']],
  ['scheduled', 'checked-in', ['movement-officer']],
  ['checked-in', 'scheduled', ['movement-officer']],
  ['checked-in', 'departed', ['movement-officer']],
  ['departed', 'arrived', ['movement-officer']],
];

const side: [CaseStatus, Role[]][] = [
  ['on-hold', ['registrar', 'protection-officer', 'planner']],
  ['withdrawn', ['registrar', 'protection-officer']],
  ['missing', ['registrar', 'movement-officer', 'protection-officer']],
];

function build(): Transition[] {
  const list: Transition[] = forward.map(([from, to, r]) => ({ from, to, roles: [...r, 'admin'] }));
  for (const from of preDepartureStatuses) {
    for (const [to, r] of side) list.push({ from, to, roles: [...r, 'admin'] });
  }
  for (const from of [...preDepartureStatuses, 'on-hold', 'missing', 'departed'] as CaseStatus[]) {
    list.push({ from, to: 'deceased', roles: ['registrar', 'protection-officer', 'admin'] });
  }
  // Leaving a hold or being found again returns the case to where it was (see resumeTarget).
  for (const to of preDepartureStatuses) {
    list.push({
      from: 'on-hold',
      to,
      roles: ['registrar', 'protection-officer', 'planner', 'admin'],
    });
    list.push({
      from: 'missing',
      to,
      roles: ['registrar', 'movement-officer', 'protection-officer', 'admin'],
    });
  }
  return list;
}

/** Every allowed transition with its roles: the one table the workflow obeys. */
export const transitions: readonly Transition[] = build();

/** Why a transition was refused. */
export type TransitionRefusal =
  | { kind: 'same-status' }
  | { kind: 'not-allowed'; allowed: CaseStatus[] }
  | { kind: 'role'; roles: readonly Role[] }
  | { kind: 'must-resume'; to: CaseStatus };

/**
 * Checks whether `role` may move a case from `from` to `to`. `resumeTo` is the status a held
 * or missing case held before (from its history); such a case may only go back there.
 */
export function checkTransition(
  from: CaseStatus,
  to: CaseStatus,
  role: Role,
  resumeTo?: CaseStatus,
): TransitionRefusal | undefined {
  if (from === to) return { kind: 'same-status' };
  const t = transitions.find((x) => x.from === from && x.to === to);
  if (!t) return { kind: 'not-allowed', allowed: nextStatuses(from) };
  if ((from === 'on-hold' || from === 'missing') && preDepartureStatuses.includes(to)) {
    if (resumeTo && resumeTo !== to) return { kind: 'must-resume', to: resumeTo };
  }
  if (!t.roles.includes(role)) return { kind: 'role', roles: t.roles };
  return undefined;
}

/** The statuses a case may move to from `from`, whoever asks. */
export function nextStatuses(from: CaseStatus): CaseStatus[] {
  return [...new Set(transitions.filter((t) => t.from === from).map((t) => t.to))];
}

/** Explains a refusal in one sentence for people. */
export function describeRefusal(
  from: CaseStatus,
  to: CaseStatus,
  role: Role,
  refusal: TransitionRefusal,
): string {
  switch (refusal.kind) {
    case 'same-status':
      return `the case is already ${to}`;
    case 'not-allowed':
      return `a case cannot move from ${from} to ${to}; allowed next: ${refusal.allowed.join(', ') || 'none'}`;
    case 'role':
      return `role ${role} may not move a case from ${from} to ${to}; allowed roles: ${refusal.roles.join(', ')}`;
    case 'must-resume':
      return `a case leaving ${from} goes back to ${refusal.to}, where it was before`;
  }
}
