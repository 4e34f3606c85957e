/**
 * `corridor message …` and its routes, in process against one PostgreSQL server: bad templates and
 * hostile input are refused naming the field (CLI exit 1, API 400, never 500) with nothing
 * written; the CLI's --json answers what the API answers; contact details show only to the roles
 * that may see phone numbers; an auditor may read and preview but not send.
 */
import { generateDemo } from '@corridor/core';
import { describe, expect, it } from 'vitest';
import { sharedServer } from '../test-server.js';

const demo = generateDemo({ people: 40, seed: 6 });
const head = demo.persons.find((p) => p.householdId === 'C-0001' && p.isHead)!;

describe('corridor message from the CLI and the API (PostgreSQL)', () => {
  const s = sharedServer(demo);
  const audits = async () => (await s.server.store.audit.events(0, 1_000_000)).length;

  it('refuses a bad template from both interfaces, naming the field, saving nothing', async () => {
    const before = await audits();
    const cli = await s.cli(
      'message',
      'template',
      'add',
      '--purpose',
      'appointment',
      '--language',
      'ar',
      '--subject',
      'موعد',
      '--body',
      'موعدك {appointmentDate} يا {familyName}',
    );
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/at body: unknown variable \{familyName\} for appointment/);
    const api = await s.api('movement-officer', 'POST', '/api/messages/templates', {
      purpose: 'appointment',
      language: 'ar',
      subject: 'موعد',
      body: 'موعدك {appointmentDate',
    });
    expect(api.statusCode).toBe(400);
    expect(api.json()).toMatchObject({ error: 'invalid-input' });
    for (const payload of [
      { purpose: 'smuggling', language: 'ar', subject: 'x', body: 'x' },
      { purpose: 'appointment', language: '../../etc', subject: 'x', body: '{appointmentDate}' },
      { purpose: 'appointment', language: 'ar', subject: 'x', body: 'x'.repeat(5000) },
    ]) {
      const r = await s.api('admin', 'POST', '/api/messages/templates', payload);
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect(await audits()).toBe(before);
  });

  it('answers the CLI --json with what the API answers; auditors preview, never send', async () => {
    const saved = await s.cli(
      'message',
      'template',
      'add',
      '--purpose',
      'appointment',
      '--language',
      demo.households.find((h) => h.id === 'C-0001')!.languages[0]!,
      '--subject',
      'Appointment',
      '--body',
      'Case {caseId}: appointment on {appointmentDate} at {place}',
      '--json',
    );
    expect(saved.code, saved.stderr).toBe(0);
    const cli = await s.cli('message', 'template', 'list', '--json');
    const api = await s.api('auditor', 'GET', '/api/messages/templates');
    expect(JSON.parse(cli.stdout)).toEqual(api.json());

    const input = {
      purpose: 'appointment',
      caseIds: ['C-0001', 'C-0002'],
      facts: { appointmentDate: '2027-01-05', place: 'Desk 2' },
    };
    const preview = await s.api('auditor', 'POST', '/api/messages/preview', input);
    expect(preview.statusCode).toBe(200);
    const dry = await s.cli(
      ...['message', 'send', '--purpose', 'appointment', '--case', 'C-0001,C-0002'],
      ...['--fact', 'appointmentDate=2027-01-05', '--fact', 'place=Desk 2', '--dry-run', '--json'],
    );
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toEqual(preview.json());
    // No channel is configured here: every household is skipped, each with its reason.
    const lines = (preview.json() as { messages: { status: string; reason: string }[] }).messages;
    expect(lines).toHaveLength(2);
    for (const l of lines) expect([l.status, l.reason.length > 0]).toEqual(['skipped', true]);

    const before = await audits();
    const refused = await s.api('auditor', 'POST', '/api/messages/send', input);
    expect(refused.statusCode).toBe(403);
    for (const hostile of [
      { ...input, facts: ['appointmentDate'] },
      { ...input, facts: { appointmentDate: '2027-01-05', place: 'x', __proto__x: 'y' } },
      { ...input, caseIds: ['\u0000'] },
      { purpose: 'appointment', facts: input.facts },
    ]) {
      const r = await s.api('admin', 'POST', '/api/messages/send', hostile);
      expect(r.statusCode, JSON.stringify(hostile)).toBe(400);
    }
    expect(await audits()).toBe(before);
  });

  it('keeps a contact to the roles that see phone numbers', async () => {
    const set = await s.api('registrar', 'POST', `/api/persons/${head.id}/contact`, {
      email: 'head.c1@example.org',
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ personId: head.id, case: 'C-0001', changed: ['email'] });
    expect(set.body).not.toContain('example.org');
    const member = async (role: 'registrar' | 'auditor' | 'movement-officer') =>
      (
        (await s.api(role, 'GET', '/api/cases/C-0001')).json() as {
          members: { id: string; pii: { email?: string } | null }[];
        }
      ).members.find((m) => m.id === head.id)!;
    expect((await member('registrar')).pii?.email).toBe('head.c1@example.org');
    expect((await member('movement-officer')).pii?.email).toBeUndefined();
    expect((await member('auditor')).pii).toBeNull();
    const bad = await s.api('registrar', 'POST', `/api/persons/${head.id}/contact`, {
      phone: 'call me',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      message: expect.stringMatching(/at phone: must be a phone/),
    });
  });
});
