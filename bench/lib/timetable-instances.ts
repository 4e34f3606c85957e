/**
 * The timetable benchmarks' instances, shared by timetable.bench.ts and candidates.bench.ts: the
 * demo camp as allocated, and the Kabul-scale instance shaped by ../shared/data/kabul-2021.
 */
import {
  addDays as addIsoDays,
  createRandom,
  estimateHazard,
  generateDemoGroundCapacity,
  generateDemoIncidents,
  generateDemoMovements,
  type IsoDate,
  type OperationData,
} from '@corridor/core';
import type { AllocationInput, TimetableInput } from '@corridor/optimizer';

const addDays = (day: string, n: number): string => addIsoDays(day as IsoDate, n);

/** The demo's timetable input: its allocated cases, movements, ground capacity, pledges, hazard. */
export function campTimetableInput(
  data: OperationData,
  allocation: AllocationInput,
  allocated: { assignment: ArrayLike<number> },
): TimetableInput {
  const movements = generateDemoMovements(data.destinations, data.pledges);
  const startDay = data.operation.windowStart;
  const days =
    Math.round((Date.parse(data.operation.windowEnd) - Date.parse(startDay)) / 86_400_000) + 2;
  const incidents = generateDemoIncidents().map((i) => ({
    day: i.at.slice(0, 10),
    injured: i.injured,
    killed: i.killed,
    confidence: i.confidence,
  }));
  const lead = new Map(data.destinations.map((d) => [d.id, d.leadTimeDays]));
  return {
    startDay,
    hazard: estimateHazard(incidents, startDay, addDays(startDay, days)).map((d) => d.mean),
    cases: allocation.cases.flatMap((c, i) => {
      const k = allocated.assignment[i]!;
      if (k < 0) return [];
      const destinationId = allocation.destinations[k]!.id;
      return [
        {
          id: c.id,
          persons: c.persons,
          baggageKg: 20 * c.persons,
          readyDay: addDays(startDay, lead.get(destinationId) ?? 0),
          priority: 0,
          destinationId,
        },
      ];
    }),
    movements: movements.map((m) => ({
      id: m.id,
      destinationId: m.destinationId,
      day: m.departAt.slice(0, 10),
      seats: m.seats,
      baggageKg: m.baggageKg,
    })),
    ground: generateDemoGroundCapacity(movements).map((g) => ({ day: g.day, persons: g.persons })),
    intake: data.pledges.map((p) => ({
      destinationId: p.destinationId,
      from: p.periodStart,
      to: p.periodEnd,
      persons: p.persons,
    })),
    links: [],
  };
}

/** Kabul scale, shaped by ../shared/data/kabul-2021: 17 days, a throughput ramp to ~21,600 a day. */
export function kabul(seed: number): TimetableInput {
  const r = createRandom(seed);
  const startDay = '2031-08-14';
  const hubs = ['QAT', 'DEU', 'ARE', 'ESP', 'ITA', 'GBR', 'FRA', 'NLD', 'BHR', 'KWT', 'USA', 'CAN'];
  const share = [0.3, 0.14, 0.12, 0.06, 0.05, 0.09, 0.03, 0.03, 0.03, 0.03, 0.08, 0.04];
  const days = 17;
  const movements = [];
  for (let d = 0; d < days; d++) {
    const flights = Math.round(22 + 58 * Math.min(1, d / 8));
    for (let f = 0; f < flights; f++) {
      const seats = r.chance(0.05) ? r.int(600, 823) : r.int(150, 400);
      movements.push({
        id: `K${d}-${f}`,
        destinationId: hubs[r.weighted(share)]!,
        day: addDays(startDay, d),
        seats,
        baggageKg: seats * 10,
      });
    }
  }
  const ground = Array.from({ length: days }, (_, d) => ({
    day: addDays(startDay, d),
    persons: Math.round(3000 + 18_600 * Math.min(1, d / 9)),
  }));
  const cases = [];
  let people = 0;
  for (let i = 0; people < 124_000; i++) {
    const persons = 1 + r.weighted([0.25, 0.15, 0.15, 0.15, 0.12, 0.08, 0.06, 0.04]);
    people += persons;
    const ready = Math.min(days - 1, Math.floor(r.next() ** 1.4 * 13));
    cases.push({
      id: `C${i}`,
      persons,
      baggageKg: 10 * persons,
      readyDay: addDays(startDay, ready),
      priority: r.chance(0.1) ? 1 : 0,
      destinationId: hubs[r.weighted(share)]!,
    });
  }
  // Hazard: steady, rising as the crowd grows, a spike at a gate attack on day 12.
  const hazard = Array.from(
    { length: days + 2 },
    (_, d) => 0.05 + 0.02 * d + (d === 12 ? 1.5 : 0) + (d > 12 ? 0.4 : 0),
  );
  return { startDay, hazard, cases, movements, ground, intake: [], links: [] };
}
