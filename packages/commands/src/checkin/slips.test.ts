/**
 * Check-in slips of a planned demo movement: one per person booked, a case's alone, audited as an
 * export; refused for a case not on the movement and for roles that do not run the desk.
 */
import { generateDemo } from '@corridor/core';
import { backends } from '@corridor/storage/test-support';
import { beforeAll, describe, expect, it } from 'vitest';
import { plannedOperation, type TestStore } from '../test-commands.js';
import { checkinDesk } from './desk.js';
import { checkinSlips } from './slips.js';

const demo = generateDemo({ people: 150, seed: 5 });
const now = new Date('2026-12-07T10:00:00Z');
const backend = backends.find((b) => b.name === 'pglite')!;

/** Pages of a PDF as pdfkit writes them. */
const pages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;

describe('check-in slips', () => {
  const t = plannedOperation(backend, demo, now);
  const run: TestStore['run'] = (command, role, input) => t.run(command, role, input);
  let movementId = '';

  beforeAll(async () => {
    for (const m of await t.store.movements.list()) {
      const desk = await run(checkinDesk, 'movement-officer', { movementId: m.id });
      if (desk.persons.length > 8) {
        movementId = m.id;
        break;
      }
    }
    expect(movementId).not.toBe('');
  });

  it('prints one slip per person booked, eight to a page, and audits it', async () => {
    const desk = await run(checkinDesk, 'movement-officer', { movementId });
    const before = (await t.store.audit.events(0, 1_000_000)).length;
    const out = await run(checkinSlips, 'movement-officer', { movementId });
    expect(out.contentType).toBe('application/pdf');
    expect(out.filename).toBe(`slips-${movementId}.pdf`);
    expect(out.summary).toEqual({
      movementId,
      slips: desk.persons.length,
      cases: new Set(desk.persons.map((p) => p.householdId)).size,
      pages: Math.ceil(desk.persons.length / 8),
    });
    expect(pages(out.content)).toBe(out.summary.pages);
    const events = (await t.store.audit.events(0, 1_000_000)).slice(before);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'export',
      entity: 'checkin-slips',
      entityId: movementId,
      actor: 't-movement-officer',
    });
  });

  it("prints one case's slips alone, and refuses a case not on the movement", async () => {
    const desk = await run(checkinDesk, 'movement-officer', { movementId });
    const caseId = desk.persons[0]!.householdId;
    const members = desk.persons.filter((p) => p.householdId === caseId).length;
    const out = await run(checkinSlips, 'admin', { movementId, caseId });
    expect(out.summary).toMatchObject({ slips: members, cases: 1, pages: 1 });
    expect(out.filename).toBe(`slips-${movementId}-${caseId}.pdf`);
    await expect(run(checkinSlips, 'admin', { movementId, caseId: 'C-NOPE' })).rejects.toThrow(
      `case C-NOPE is not booked on ${movementId}`,
    );
    await expect(run(checkinSlips, 'admin', { movementId: 'M-NOPE' })).rejects.toThrow(/M-NOPE/);
  });

  it('is refused to roles that do not run the desk', async () => {
    for (const role of ['auditor', 'planner', 'registrar'] as const)
      await expect(run(checkinSlips, role, { movementId }), role).rejects.toThrow(
        /may not|not allowed|forbidden/i,
      );
  });
});
