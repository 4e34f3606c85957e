/**
 * The demo replays the reference case (issue 21 item 4): at the default size, the real demo,
 * allocation and timetable commands end the operation with the airlift of the final 280 on the
 * window's last day, because the main host state's procedure makes them ready only then; when
 * their visas come sooner, the plan flies some of them earlier. The demo's charters declare special
 * places the plan respects, and its message templates let a check-in call be previewed at once.
 */
import {
  defaultDemoOptions,
  finalGroup,
  finalMovementSeats,
  generateDemo,
  schedulableStatuses,
  specialSeatKinds,
  type OperationData,
} from '@corridor/core';
import type { Store } from '@corridor/storage';
import { backends } from '@corridor/storage/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { allocationRun } from '../allocation/run.js';
import type { CommandSpec } from '../define.js';
import { execute } from '../execute.js';
import { previewMessages } from '../message/preview.js';
import { importProcedures } from '../procedure/import.js';
import { listProcedures } from '../procedure/list.js';
import { timetableSchedule } from '../timetable/schedule.js';
import { timetableShow } from '../timetable/show.js';
import { actorAs } from '../test-commands.js';
import { createDemo } from './demo.js';

const now = new Date('2026-12-07T10:00:00Z');
// The same data the command generates, to name the final group independently of the plan.
const demo: OperationData = generateDemo();
const end = demo.operation.windowEnd;

describe.each(backends)('the demo on $name', (backend) => {
  let store: Store;
  let close: () => Promise<void> = async () => undefined;
  const run = <I extends z.ZodType, O extends z.ZodType, R>(
    command: CommandSpec<I, O, R>,
    role: 'admin' | 'planner',
    input: unknown,
  ) => execute(command, { actor: actorAs(role), store, now }, input);

  beforeAll(async () => {
    ({ store, close } = await backend.fresh());
    await run(createDemo, 'admin', {});
    await run(allocationRun, 'planner', {});
    await run(timetableSchedule, 'planner', {});
  }, 180_000);
  afterAll(async () => close());

  it('ends with the airlift of the final 280 on the last day, the group the procedure holds back', async () => {
    expect(defaultDemoOptions.people).toBe(2000);
    const rows = await run(timetableShow, 'planner', {});
    const last = rows.at(-1)!;
    expect(last.departAt.slice(0, 10)).toBe(end);
    // It is the final movement: every other leaves on an earlier day.
    for (const m of rows.slice(0, -1)) expect(m.departAt.slice(0, 10) < end).toBe(true);
    expect(last.persons).toBe(finalMovementSeats);
    expect(last.seats).toBe(finalMovementSeats);
    // The people on it are the final group, which the plan could not fly sooner.
    const group = finalGroup(demo, finalMovementSeats);
    expect([...last.cases].sort()).toEqual([...group].sort());
    const onMain = rows.filter((m) => m.destinationId === last.destinationId);
    const before = onMain.at(-2)!;
    const { procedures } = await run(listProcedures, 'planner', { state: last.destinationId });
    expect(procedures.map((p) => p.case).sort()).toEqual([...group].sort());
    for (const p of procedures) {
      // Decision recorded; visa, exit permit and fit-to-travel still to come, at their typical
      // durations: ready after the main state's last movement but one, before the final one.
      expect(p.pendingSteps).toEqual(['visa', 'exit-permit', 'fit-to-travel']);
      expect(p.expectedReadyDate! > before.departAt.slice(0, 10)).toBe(true);
      expect(p.expectedReadyDate! < end).toBe(true);
    }
    const summary = (await store.plans.current('timetable'))!;
    expect(summary.assignments.filter((a) => !a.movementId)).toEqual([]);
    for (const m of rows) expect(m.persons).toBeLessThanOrEqual(m.seats);
    // The main state's charters declare special places; the plan books no more than declared.
    const { cases } = await store.registry.planningCases(schedulableStatuses, { travelYear: 2027 });
    const needs = new Map(cases.map((c) => [c.id, c.specialSeats]));
    expect(onMain.every((m) => m.specialSeats)).toBe(true);
    let booked = 0;
    for (const m of onMain)
      for (const k of specialSeatKinds) {
        const used = m.cases.reduce((s, id) => s + (needs.get(id)?.[k] ?? 0), 0);
        expect(used).toBeLessThanOrEqual(m.specialSeats![k] ?? Infinity);
        booked += used;
      }
    expect(booked).toBeGreaterThan(0);
  });

  it('seeds the check-in call in every household’s first language, so a preview renders it', async () => {
    const rows = await run(timetableShow, 'planner', {});
    const last = rows.at(-1)!;
    const firstLanguage = new Map(demo.households.map((h) => [h.id, h.languages[0]]));
    // The SMS gateway is only named: a preview sends nothing.
    process.env.CORRIDOR_SMS_URL = 'http://127.0.0.1:9/sms';
    try {
      const out = await run(previewMessages, 'planner', {
        purpose: 'checkin-call',
        movementId: last.id,
        facts: { checkinTime: '02:00', checkinPlace: 'Gate 3' },
      });
      expect(out.messages).toHaveLength(last.cases.length);
      const sent = out.messages.filter((m) => m.status === 'would-send');
      expect(sent.length).toBeGreaterThan(last.cases.length / 2);
      for (const m of sent) {
        expect(m.language).toBe(firstLanguage.get(m.case));
        expect(m.text).toContain(m.case);
        expect(m.text).toContain('Gate 3');
      }
      // Skipped only for want of consent, never for want of a template.
      for (const m of out.messages.filter((x) => x.status === 'skipped'))
        expect(m.reason).toMatch(/^no basis for messages/);
      expect(new Set(sent.map((m) => m.language))).toEqual(new Set(['ar', 'fa', 'prs']));
    } finally {
      delete process.env.CORRIDOR_SMS_URL;
    }
  });

  it('flies part of the group sooner when their visas come three weeks earlier', async () => {
    const rows = await run(timetableShow, 'planner', {});
    const last = rows.at(-1)!;
    const state = last.destinationId!;
    const before = rows.filter((m) => m.destinationId === state).at(-2)!;
    const group = finalGroup(demo, finalMovementSeats);
    const day = '2031-05-31';
    const lines = ['case,state,step,date,outcome,expires'];
    for (const id of group) {
      lines.push(`${id},${state},visa,${day},positive,2031-12-31`);
      lines.push(`${id},${state},exit-permit,${day},positive,2031-12-31`);
      lines.push(`${id},${state},fit-to-travel,${day},positive,2031-12-31`);
    }
    const content = Buffer.from(lines.join('\n')).toString('base64');
    await run(importProcedures, 'planner', { content });
    await run(timetableSchedule, 'planner', {});
    const after = await run(timetableShow, 'planner', {});
    const final = after.find((m) => m.id === last.id)!;
    const earlier = after.find((m) => m.id === before.id)!;
    expect(final.persons).toBeLessThan(finalMovementSeats);
    expect(earlier.persons).toBeGreaterThan(0);
    const moved = earlier.cases.filter((c) => group.includes(c));
    expect(moved.length).toBeGreaterThan(0);
    expect(final.persons + earlier.persons).toBe(finalMovementSeats + before.persons);
  });
});
