/** Belongings and their chain of custody (M9): the records and the order events may follow. */
import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './schemas.js';

/** Kinds of personal belonging. */
export const belongingCategories = [
  'phone',
  'laptop',
  'tablet',
  'radio',
  'camera',
  'documents',
  'money',
  'jewellery',
  'clothing',
  'tools',
  'other',
] as const;
/** One kind of belonging. */
export type BelongingCategory = (typeof belongingCategories)[number];

/** What can happen to a belonging. */
export const custodyKinds = [
  'packed',
  'handed-over',
  'confiscated',
  'returned',
  'lost',
  'arrived',
] as const;
/** One kind of custody event. */
export type CustodyKind = (typeof custodyKinds)[number];

/**
 * The state machine: for the last event of an item (or `none`), the events that may follow.
 * Returned needs someone else holding the item (confiscated, handed over) or a lost item found;
 * arrived is final; a confiscated item must be returned before it can travel on.
 */
export const custodyNext: Readonly<Record<CustodyKind | 'none', readonly CustodyKind[]>> = {
  none: ['packed', 'handed-over', 'confiscated', 'lost'],
  packed: ['handed-over', 'confiscated', 'lost', 'arrived'],
  'handed-over': ['handed-over', 'confiscated', 'returned', 'lost', 'arrived'],
  confiscated: ['returned', 'lost'],
  returned: ['packed', 'handed-over', 'confiscated', 'lost', 'arrived'],
  lost: ['returned'],
  arrived: [],
};

/** Why `next` may not follow `last`, or null when it may. */
export function custodyOrderProblem(last: CustodyKind | null, next: CustodyKind): string | null {
  const allowed = custodyNext[last ?? 'none'];
  if (allowed.includes(next)) return null;
  const after = last ? `after ${last}` : 'as the first event';
  return allowed.length === 0
    ? `${next} cannot come ${after}: ${last} is final`
    : `${next} cannot come ${after}; allowed: ${allowed.join(', ')}`;
}

/** A belonging of one person; the description is personal data (encrypted with their key). */
export const BelongingSchema = z.object({
  id: IdSchema,
  personId: IdSchema,
  category: z.enum(belongingCategories),
  description: z.string().trim().max(500),
});
/** A belonging as recorded. */
export type Belonging = z.infer<typeof BelongingSchema>;

const text = z.string().trim().min(1).max(300).nullable().default(null);

const eventFields = {
  kind: z.enum(custodyKinds),
  at: IsoDateTimeSchema,
  to: text.describe('handed over to whom'),
  by: text.describe('confiscated by whom'),
  witness: text,
  place: text,
  receipt: text.describe('receipt number or "none given"'),
  note: z.string().trim().max(1000).nullable().default(null),
};

function checkParties(
  e: { kind: CustodyKind; to: string | null; by: string | null },
  ctx: z.RefinementCtx,
): void {
  if (e.kind === 'handed-over' && e.to === null)
    ctx.addIssue({ code: 'custom', message: 'a hand-over names to whom', path: ['to'] });
  if (e.kind === 'confiscated' && e.by === null)
    ctx.addIssue({ code: 'custom', message: 'a confiscation names by whom', path: ['by'] });
}

/** A custody event for the item named in the path (API body). */
export const CustodyEventBodySchema = z.object(eventFields).superRefine(checkParties);

/** One custody event as entered; who, witness, place and receipt are encrypted with the owner's key. */
export const CustodyEventInputSchema = z
  .object({ itemId: IdSchema, ...eventFields })
  .superRefine(checkParties);
/** A custody event as entered. */
export type CustodyEventInput = z.input<typeof CustodyEventInputSchema>;
/** A custody event after validation (absent texts are null). */
export type CustodyEventData = z.output<typeof CustodyEventInputSchema>;

/** The protected part of an event. */
export type CustodyDetail = Pick<
  CustodyEventData,
  'to' | 'by' | 'witness' | 'place' | 'receipt' | 'note'
>;

/** A stored event: its place in the item's chain and the hashes that link it. */
export interface CustodyEvent {
  itemId: string;
  seq: number;
  kind: CustodyKind;
  at: string;
  /** Null when the owner's key was erased or the reader's role may not see it. */
  detail: CustodyDetail | null;
  actor: string;
  prevHash: string;
  hash: string;
}

/** A belonging with its events, as read back. */
export interface BelongingView {
  id: string;
  personId: string;
  category: BelongingCategory;
  description: string | null;
  status: CustodyKind | 'recorded';
  events: CustodyEvent[];
}

/** Where an item's chain stands: its last event's kind and time (nulls before the first event). */
export interface CustodyHead {
  kind: CustodyKind | null;
  at: string | null;
}

/**
 * Everything wrong with appending `events`, in the order given, to chains that stand at `heads`
 * (an item missing from `heads` is not recorded): each event must follow its item's last one in
 * the state machine (`custodyNext`) and not come before it in time. Each problem names the event.
 */
export function custodyBatchProblems(
  heads: ReadonlyMap<string, CustodyHead>,
  events: readonly { itemId: string; kind: CustodyKind; at: string }[],
): string[] {
  const now = new Map([...heads].map(([id, h]) => [id, { ...h }]));
  const problems: string[] = [];
  events.forEach((e, k) => {
    const label = `custody event #${k + 1} (${e.itemId})`;
    const head = now.get(e.itemId);
    if (!head)
      return void problems.push(`${label}: itemId ${e.itemId} is not a recorded belonging`);
    const order = custodyOrderProblem(head.kind, e.kind);
    if (order) return void problems.push(`${label}: kind ${order}`);
    const at = new Date(e.at).toISOString();
    if (head.at && at < head.at)
      return void problems.push(
        `${label}: at ${e.at} is before the item's previous event (${head.at})`,
      );
    Object.assign(head, { kind: e.kind, at });
  });
  return problems;
}
