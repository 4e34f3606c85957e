/** Reading the current allocation (M4): one case's explanation, and the fairness audit. */
import { errors } from '@corridor/core';
import {
  explainAllocation,
  fairnessAudit,
  type Explanation,
  type FairnessReport,
} from '@corridor/optimizer';
import type { Store } from '@corridor/storage';
import { loadAllocationInput } from './allocation-input.js';

/** The current allocation plan and each case's destination in it. */
async function currentAllocation(store: Store) {
  const plan = await store.plans.current('allocation');
  if (!plan)
    throw errors.invalidInput('there is no allocation plan yet; run `corridor allocate` first');
  const assignment: Record<string, string | null> = {};
  for (const a of plan.assignments) assignment[a.householdId] = a.destinationId;
  return { plan, assignment };
}

/** Why case `id` goes where the current allocation puts it, and why not elsewhere. */
export async function explainCase(store: Store, id: string): Promise<Explanation> {
  const { plan, assignment } = await currentAllocation(store);
  const prices = (plan.summary.prices ?? {}) as Record<string, number>;
  const e = explainAllocation(await loadAllocationInput(store), assignment, prices, id);
  if (!e) throw errors.notFound('case in the allocation', id);
  return e;
}

/** The fairness audit of the current allocation. */
export async function allocationFairness(store: Store): Promise<FairnessReport> {
  const { assignment } = await currentAllocation(store);
  return fairnessAudit(await loadAllocationInput(store), assignment);
}

/** One case a place more at a destination would move there. */
export interface WouldMove {
  case: string;
  persons: number;
  /** Where the current allocation puts it (null: nowhere). */
  from: string | null;
  /** Points the household would gain there. */
  gain: number;
}

/** What one more place at a destination is worth in the current allocation. */
export interface PlaceValue {
  destinationId: string;
  /** The places the allocation had (pledges pooled over the destination's periods). */
  capacity: { persons: number; cases: number; medical: number; disability: number };
  /** What the allocation uses of them. */
  used: { persons: number; cases: number; medical: number; disability: number };
  /** Points one more place of each kind is worth (the plan's resource prices; 0: not scarce). */
  prices: { persons: number; cases: number; medical: number; disability: number };
  /** Households that would fit there better than where they are (or than nowhere): how many, how many persons. */
  waiting: { cases: number; persons: number };
  /** The households that more places would move first: the largest gains per person. */
  wouldMove: WouldMove[];
}

/**
 * What one more place at each destination is worth in the current allocation: the engine's prices of
 * its places (the gain in the plan's points of one more), and the households that more places would
 * move there — eligible, with a better fit there than where they are (or than being left out), the
 * largest gain per person first.
 */
export async function placeValues(store: Store, top = 5): Promise<PlaceValue[]> {
  const { plan, assignment } = await currentAllocation(store);
  const prices = (plan.summary.prices ?? {}) as Record<string, number>;
  const input = await loadAllocationInput(store);
  const persons = new Map(input.cases.map((c) => [c.id, c]));
  const waiting = new Map<string, WouldMove[]>(input.destinations.map((d) => [d.id, []]));
  for (const c of input.cases) {
    const e = explainAllocation(input, assignment, prices, c.id);
    for (const o of e?.others ?? [])
      if (o.eligible && o.verdict !== 'lower-fit')
        waiting.get(o.destination)?.push({
          case: c.id,
          persons: c.persons,
          from: assignment[c.id] ?? null,
          gain: Math.round(o.gain * 100) / 100,
        });
  }
  return input.destinations.map((d) => {
    const at = input.cases.filter((c) => assignment[c.id] === d.id);
    // A place is a person's: the households that gain most per person take new places first.
    const queue = (waiting.get(d.id) ?? []).sort(
      (a, b) => b.gain / b.persons - a.gain / a.persons || b.gain - a.gain,
    );
    const price = (kind: string) => Math.round((prices[`${d.id}/${kind}`] ?? 0) * 100) / 100;
    return {
      destinationId: d.id,
      capacity: {
        persons: d.persons,
        cases: d.cases,
        medical: d.medicalPlaces,
        disability: d.disabilityPlaces,
      },
      used: {
        persons: at.reduce((n, c) => n + c.persons, 0),
        cases: at.length,
        medical: at.reduce((n, c) => n + (persons.get(c.id)?.medicalPersons ?? 0), 0),
        disability: at.reduce((n, c) => n + (persons.get(c.id)?.disabilityPersons ?? 0), 0),
      },
      prices: {
        persons: price('persons'),
        cases: price('cases'),
        medical: price('medical'),
        disability: price('disability'),
      },
      waiting: { cases: queue.length, persons: queue.reduce((n, w) => n + w.persons, 0) },
      wouldMove: queue.slice(0, top),
    };
  });
}
