/**
 * Host-state procedures end to end on both backends: templates, steps checked against their
 * predecessors, the ready and latest dates, a refusal returning the case for another referral,
 * notes sealed on disk and hidden from roles that may not read case notes, the import's all or
 * nothing, and a visa expiring before its movement re-planning the case.
 */
import { generateDemo, type Role } from '@corridor/core';
import type { Store } from '@corridor/storage';
import { backends, rawDatabaseFiles } from '@corridor/storage/test-support';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { allocationRun } from '../allocation/run.js';
import type { CommandSpec } from '../define.js';
import { execute } from '../execute.js';
import { timetableReplan } from '../timetable/replan.js';
import { timetableSchedule } from '../timetable/schedule.js';
import { personNow } from '../person/schemas.js';
import { loadAllocationInput } from '../planning/allocation-input.js';
import { situationReport } from '../report/situation-data.js';
import { importProcedures } from './import.js';
import { listProcedures } from './list.js';
import { recordProcedureStep } from './record.js';
import { showProcedures } from './show.js';
import { setProcedureTemplate } from './template-set.js';
import { showProcedureTemplate } from './template-show.js';

const demo = generateDemo({ people: 60, seed: 5 });
const seeder = { name: 'test-seed', role: 'admin' };
const now = new Date('2026-12-07T10:00:00Z');
const as = (role: Role) => ({ name: `t-${role}`, role, via: 'api' as const });
const secret = 'interpreter says the uncle fears reprisal in Tikrit';

/** All six default steps done or positive, visa expiring on `visaExpires`. */
function fullProcedure(caseId: string, state: string, visaExpires: string) {
  return [
    { step: 'dossier', date: '2026-01-10', outcome: 'done' },
    { step: 'interview', date: '2026-03-02', outcome: 'done' },
    { step: 'decision', date: '2026-05-20', outcome: 'positive' },
    { step: 'visa', date: '2026-07-01', outcome: 'positive', expires: visaExpires },
    { step: 'exit-permit', date: '2026-08-01', outcome: 'positive', expires: '2029-08-01' },
    { step: 'fit-to-travel', date: '2026-09-01', outcome: 'positive', expires: '2029-09-01' },
  ].map((s) => ({ caseId, state, ...s }));
}

describe.each(backends)('host-state procedures on $name', (backend) => {
  let store: Store;
  let dataDir: string;
  let close: () => Promise<void>;
  let state: string;
  let other: string;
  let home: string;
  beforeEach(async () => {
    ({ store, dataDir, close } = await backend.fresh());
    await store.registry.createOperation(demo, seeder);
    [state, other] = demo.destinations.map((d) => d.id) as [string, string];
    home = demo.households[0]!.id;
  });
  afterEach(async () => close());

  const run = <I extends z.ZodType, O extends z.ZodType, R>(
    command: CommandSpec<I, O, R>,
    role: Role,
    input: unknown,
  ) => execute(command, { actor: as(role), store, now }, input);
  const stepCount = async () =>
    Number(
      (
        await store.db
          .selectFrom('procedure_steps')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const auditCount = async () => (await store.audit.events(0, 1_000_000)).length;

  /**
   * Allocates, adds a confirmed charter `movementId` to the destination of the first placed case,
   * records that case's whole procedure (visa valid into 2028) and schedules: the case is on it.
   */
  const bookedOn = async (movementId: string) => {
    await run(allocationRun, 'planner', {});
    const allocation = await store.plans.current('allocation');
    const placed = allocation!.assignments.find((x) => x.destinationId)!;
    const to = placed.destinationId!;
    await store.movements.add(
      [
        {
          id: movementId,
          kind: 'charter',
          origin: 'BGW',
          destinationId: to,
          arrivalAirport: null,
          departAt: '2027-09-01T05:00:00+03:00',
          timezone: 'Asia/Baghdad',
          seats: 400,
          baggageKg: 9200,
          status: 'confirmed',
        },
      ],
      seeder,
    );
    for (const step of fullProcedure(placed.householdId, to, '2028-01-01'))
      await run(recordProcedureStep, 'planner', step);
    await run(timetableSchedule, 'planner', {});
    return { placed, to };
  };

  it('shows the default template, lets planners set one and refuses other roles', async () => {
    const shown = await run(showProcedureTemplate, 'auditor', { state });
    expect(shown.stored).toBe(false);
    expect(shown.steps.map((s) => s.step)).toEqual([
      'dossier',
      'interview',
      'decision',
      'visa',
      'exit-permit',
      'fit-to-travel',
    ]);
    const steps = [
      { step: 'dossier', typicalDays: 0, expires: false },
      { step: 'visa', typicalDays: 90, expires: true },
    ];
    await expect(run(setProcedureTemplate, 'registrar', { state, steps })).rejects.toMatchObject({
      status: 403,
    });
    const set = await run(setProcedureTemplate, 'planner', { state, steps });
    expect(set).toMatchObject({ state, stored: true });
    expect(set.steps.map((s) => s.required)).toEqual([true, true]);
    await expect(
      run(setProcedureTemplate, 'planner', { state: 'NOWHERE', steps }),
    ).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/state: no destination/),
    });
    const events = await store.audit.events(0, 1_000_000);
    expect(events.filter((e) => e.action === 'procedure.template-set')).toHaveLength(1);
  });

  it('sets the ready date and the latest date from the steps', async () => {
    for (const step of fullProcedure(home, state, '2027-05-01').slice(0, 4))
      await run(recordProcedureStep, 'planner', step);
    let shown = await run(showProcedures, 'planner', { caseId: home });
    expect(shown.states).toHaveLength(1);
    expect(shown.states[0]).toMatchObject({
      state,
      readyDate: null,
      latestDate: '2027-05-01',
      pendingSteps: ['exit-permit', 'fit-to-travel'],
      refused: false,
    });
    // Pending: today (2026-12-07) + typical days of the steps left (14 + 3).
    expect(shown.states[0]!.expectedReadyDate).toBe('2026-12-24');
    for (const step of fullProcedure(home, state, '2027-05-01').slice(4))
      await run(recordProcedureStep, 'planner', step);
    shown = await run(showProcedures, 'auditor', { caseId: home });
    expect(shown.states[0]).toMatchObject({
      readyDate: '2026-09-01',
      expectedReadyDate: '2026-09-01',
      latestDate: '2027-05-01',
      pendingSteps: [],
    });
    const listed = await run(listProcedures, 'auditor', { expiringWithin: 200 });
    expect(listed.procedures).toEqual([
      expect.objectContaining({
        case: home,
        state,
        expiring: [{ step: 'visa', expires: '2027-05-01' }],
      }),
    ]);
    expect((await run(listProcedures, 'auditor', { expiringWithin: 30 })).total).toBe(0);
    expect((await run(listProcedures, 'auditor', { state: other })).total).toBe(0);
    // The situation report carries the alert once the expiry is within its 60 days.
    expect((await situationReport(store, '2026-12-07')).expiringDocuments).toBeUndefined();
    expect((await situationReport(store, '2027-04-01')).expiringDocuments).toEqual({
      withinDays: 60,
      cases: 1,
      byStep: { visa: 1 },
    });
  });

  it('refuses a step dated before its predecessor or expiring before its issue, writing nothing', async () => {
    await run(recordProcedureStep, 'planner', fullProcedure(home, state, '2027-05-01')[2]);
    const steps = await stepCount();
    const audit = await auditCount();
    await expect(
      run(recordProcedureStep, 'planner', {
        caseId: home,
        state,
        step: 'visa',
        date: '2026-04-01',
        outcome: 'positive',
        expires: '2027-04-01',
      }),
    ).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(
        /date: 2026-04-01 is before the decision step's date 2026-05-20/,
      ),
    });
    await expect(
      run(recordProcedureStep, 'planner', {
        caseId: home,
        state,
        step: 'visa',
        date: '2026-07-01',
        outcome: 'positive',
        expires: '2026-06-01',
      }),
    ).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(
        /expires: expiry 2026-06-01 is before the issue date 2026-07-01/,
      ),
    });
    await expect(
      run(recordProcedureStep, 'planner', {
        caseId: home,
        state,
        step: 'medical',
        outcome: 'done',
        date: '2026-07-01',
      }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/step: "medical"/) });
    await expect(
      run(recordProcedureStep, 'registrar', {
        caseId: home,
        state,
        step: 'dossier',
        outcome: 'pending',
      }),
    ).rejects.toMatchObject({ status: 403 });
    expect(await stepCount()).toBe(steps);
    expect(await auditCount()).toBe(audit);
  });

  it('returns a refused case to rejected-by-destination with its history entry', async () => {
    const referred = demo.households.find((h) =>
      ['referred', 'accepted', 'exit-cleared'].includes(h.status),
    )!;
    expect(referred).toBeDefined();
    const out = await run(recordProcedureStep, 'planner', {
      caseId: referred.id,
      state,
      step: 'decision',
      date: '2026-06-01',
      outcome: 'negative',
    });
    expect(out.caseMoved).toEqual({ from: referred.status, to: 'rejected-by-destination' });
    expect(out.refused).toBe(true);
    const view = await store.registry.household(referred.id);
    expect(view!.status).toBe('rejected-by-destination');
    expect(view!.history.at(-1)).toMatchObject({
      to: 'rejected-by-destination',
      reason: `${state} refused at the decision step`,
    });
    const actions = (await store.audit.events(0, 1_000_000)).map((e) => e.action);
    expect(actions.slice(-2)).toEqual(['procedure.record', 'case.move']);
    // Allocation offers the case to another state, never again to the one that refused it.
    const input = await loadAllocationInput(store, '2027-01-01');
    expect(input.cases.find((c) => c.id === referred.id)?.refusedBy).toEqual([state]);
    await run(allocationRun, 'planner', {});
    const plan = await store.plans.current('allocation');
    expect(
      plan!.assignments.find((x) => x.householdId === referred.id)?.destinationId ?? null,
    ).not.toBe(state);
  });

  it('seals notes: not on disk, not in the audit log, hidden from the auditor, gone with an erasure', async () => {
    await run(recordProcedureStep, 'planner', {
      caseId: home,
      state,
      step: 'interview',
      date: '2026-03-02',
      outcome: 'done',
      note: secret,
    });
    expect((await run(showProcedures, 'planner', { caseId: home })).states[0]!.steps[0]!.note).toBe(
      secret,
    );
    // Another role over the same command: the auditor sees the step but not the note.
    const audited = await run(showProcedures, 'auditor', { caseId: home });
    expect(audited.states[0]!.steps[0]).toMatchObject({ step: 'interview', note: null });
    const events = await store.audit.events(0, 1_000_000);
    expect(JSON.stringify(events)).not.toContain('reprisal');
    // The raw data on disk.
    const raw = await rawDatabaseFiles(backend.name, store, dataDir);
    // The attack reads what was written (the step's name is in clear), but never the note.
    expect(raw.some((b) => b.includes('interview'))).toBe(true);
    expect(raw.some((b) => b.includes('reprisal'))).toBe(false);
    const row = await store.db.selectFrom('procedure_steps').selectAll().executeTakeFirstOrThrow();
    expect(Buffer.from(row.note_sealed!).includes('reprisal')).toBe(false);
    // Erasing one member makes the note unreadable, while the step still counts.
    const member = demo.persons.find((p) => p.householdId === home)!;
    await store.registry.erasePerson(member.id, seeder, { now: true });
    const after = await run(showProcedures, 'planner', { caseId: home });
    expect(after.states[0]!.steps[0]).toMatchObject({ date: '2026-03-02', note: '(erased)' });
    expect(await personNow({ store, actor: as('admin'), now }, home, member.id)).toMatchObject({
      erased: true,
    });
  });

  it('imports steps all or nothing, naming every bad row with field and reason', async () => {
    const [a, b] = demo.households.map((h) => h.id) as [string, string];
    const bad = [
      'case,state,step,date,outcome,expires,note',
      `${a},${state},decision,2026-05-20,positive,,`,
      `${a},${state},visa,2026-04-01,positive,2027-04-01,`,
      `${b},${state},visa,2026-07-01,positive,2026-06-01,`,
      `${b},${state},interview,2026-02-30,done,,`,
      `C-NOPE,${state},dossier,2026-01-01,done,,`,
      `${b},${state},exit-permit,2026-08-01,maybe,,`,
    ].join('\n');
    const steps = await stepCount();
    const audit = await auditCount();
    const refused = await run(importProcedures, 'planner', {
      content: Buffer.from(bad).toString('base64'),
      format: 'csv',
    }).catch((e: { status: number; details: { problems: unknown[] } }) => e);
    expect(refused).toMatchObject({ status: 400 });
    const problems = (
      refused as { details: { problems: { row: number; field: string; reason: string }[] } }
    ).details.problems;
    expect(problems.map((p) => [p.row, p.field])).toEqual([
      [3, 'date'],
      [4, 'expires'],
      [5, 'date'],
      [6, 'caseId'],
      [7, 'outcome'],
    ]);
    expect(problems[0]!.reason).toMatch(/before the decision step's date 2026-05-20/);
    expect(problems[1]!.reason).toMatch(/expiry 2026-06-01 is before the issue date 2026-07-01/);
    expect(await stepCount()).toBe(steps);
    expect(await auditCount()).toBe(audit);
    const good = [
      'case,state,step,date,outcome,expires,note',
      `${a},${state},decision,2026-05-20,positive,,`,
      `${a},${state},visa,2026-07-01,positive,2027-04-01,`,
      `${b},${state},dossier,2026-01-01,done,,sent by courier`,
    ].join('\n');
    expect(
      await run(importProcedures, 'planner', {
        content: Buffer.from(good).toString('base64'),
        format: 'csv',
      }),
    ).toMatchObject({ imported: 3, cases: 2, refusals: 0 });
    expect(await stepCount()).toBe(steps + 3);
    const events = (await store.audit.events(0, 1_000_000)).filter(
      (e) => e.action === 'procedure.import',
    );
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain('courier');
  });

  it('keeps a case off a movement after its visa expires, and re-plans it when the expiry changes', async () => {
    const { placed, to } = await bookedOn('M-PROC');
    const first = await store.plans.current('timetable');
    expect(first!.assignments.find((x) => x.householdId === placed.householdId)?.movementId).toBe(
      'M-PROC',
    );
    // The visa now expires before the movement: the alert lists it, and the re-plan moves it off.
    await run(recordProcedureStep, 'planner', {
      ...fullProcedure(placed.householdId, to, '2027-06-01')[3],
    });
    const alert = await run(listProcedures, 'planner', { expiringWithin: 365 });
    expect(alert.procedures.map((p) => p.case)).toContain(placed.householdId);
    const replanned = await run(timetableReplan, 'planner', {
      events: [{ type: 'procedures-changed' }],
    });
    expect(replanned.changes).toContainEqual(
      expect.objectContaining({
        case: placed.householdId,
        from: 'M-PROC',
        to: null,
        reason: 'documents-expire',
      }),
    );
    const second = await store.plans.current('timetable');
    expect(
      second!.assignments.find((x) => x.householdId === placed.householdId)?.movementId ?? null,
    ).toBeNull();
  });

  it('takes a failed fit-to-travel check as "not yet": no refusal, a re-plan proposed, a dry run that saves nothing', async () => {
    const { placed, to } = await bookedOn('M-FIT');
    const booked = await store.plans.current('timetable');
    expect(booked!.assignments.find((x) => x.householdId === placed.householdId)?.movementId).toBe(
      'M-FIT',
    );
    const status = (await store.registry.household(placed.householdId))!.status;
    const failed = await run(recordProcedureStep, 'planner', {
      caseId: placed.householdId,
      state: to,
      step: 'fit-to-travel',
      date: '2027-08-30',
      outcome: 'negative',
    });
    expect(failed).toMatchObject({
      refused: false,
      caseMoved: null,
      failedChecks: ['fit-to-travel'],
      readyDate: null,
      expectedReadyDate: '2027-09-02',
      proposal: {
        failedCheck: 'fit-to-travel',
        movementId: 'M-FIT',
        mustMove: true,
        seatsFreed: demo.persons.filter((p) => p.householdId === placed.householdId).length,
      },
    });
    expect((await store.registry.household(placed.householdId))!.status).toBe(status);
    const input = await loadAllocationInput(store, '2027-01-01');
    expect(input.cases.find((c) => c.id === placed.householdId)?.refusedBy ?? []).not.toContain(to);

    // The proposal: the re-plan moves the case off M-FIT; as a dry run it saves nothing.
    const audit = await auditCount();
    const proposal = await run(timetableReplan, 'planner', {
      events: [{ type: 'procedures-changed' }],
      dryRun: true,
    });
    expect(proposal.dryRun).toBe(true);
    expect(proposal.plan).toBeNull();
    const change = proposal.changes.find((c) => c.case === placed.householdId);
    expect(change).toMatchObject({ from: 'M-FIT' });
    expect(change!.to).not.toBe('M-FIT');
    expect((await store.plans.current('timetable'))!.id).toBe(booked!.id);
    expect(await auditCount()).toBe(audit);

    // The check passes the next day: ready again, in time for M-FIT.
    const passed = await run(recordProcedureStep, 'planner', {
      caseId: placed.householdId,
      state: to,
      step: 'fit-to-travel',
      date: '2027-08-31',
      outcome: 'positive',
      expires: '2027-09-03',
    });
    expect(passed).toMatchObject({ failedChecks: [], readyDate: '2027-08-31', proposal: null });
  });
});
