/**
 * After arrival (issue 23 item 5): the follow-up contacts made 1, 3 and 12 months after a case
 * arrived, their outcomes, and what a handover file to the receiving agency holds. Pure: no I/O.
 */

/** The months after arrival a follow-up contact is due. */
export const followUpMonths = [1, 3, 12] as const;
/** One follow-up: 1, 3 or 12 months after arrival. */
export type FollowUpMonth = (typeof followUpMonths)[number];

/** What a follow-up contact found (codes only: the words stay with the receiving agency). */
export const followUpOutcomes = ['settled', 'needs-support', 'moved-on', 'not-reached'] as const;
/** One outcome. */
export type FollowUpOutcome = (typeof followUpOutcomes)[number];

/** How an arrival was confirmed: by a user over the API or CLI, or through a confirmation link. */
export const arrivalVias = ['user', 'link'] as const;
/** One way of confirming. */
export type ArrivalVia = (typeof arrivalVias)[number];

/** How long a confirmation link is valid by default, and at most (days). */
export const arrivalLinkDays = { default: 14, max: 90 } as const;

/**
 * The day `months` calendar months after `day` (YYYY-MM-DD), clamped to the month's last day:
 * 1 month after 2027-01-31 is 2027-02-28.
 */
export function monthsAfter(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** The follow-ups of a case that arrived on `arrivedOn`: month and due day, earliest first. */
export function followUpSchedule(arrivedOn: string): { month: FollowUpMonth; dueOn: string }[] {
  return followUpMonths.map((month) => ({ month, dueOn: monthsAfter(arrivedOn, month) }));
}
