import { describe, expect, it } from 'vitest';
import { roles } from '../roles.js';
import {
  authorize,
  can,
  isPermission,
  permissions,
  permissionsOf,
  refusal,
  rolesAllowed,
  type Permission,
} from './index.js';

/** What a read-only auditor may do: read, verify, export redacted; nothing that writes. */
const auditorMay: Permission[] = [
  'arrival.read',
  'operation.read',
  'operation.report',
  'case.read',
  'registry.export',
  'registry.readDestinations',
  'registry.readDuplicates',
  'plan.read',
  'movement.read',
  'incident.read',
  'property.read',
  'custody.read',
  'custody.verify',
  'audit.read',
  'webhook.read',
  'retention.read',
  'dpo.read',
  'grievance.read',
  'appeal.read',
  'consent.read',
  'disclosure.read',
  'procedure.read',
  'message.read',
];

describe('policies', () => {
  it('give every permission to the administrator and to known roles only', () => {
    for (const p of Object.keys(permissions) as Permission[]) {
      expect(rolesAllowed(p)).toContain('admin');
      for (const r of rolesAllowed(p)) expect(roles).toContain(r);
    }
  });

  it('keep the auditor read-only', () => {
    expect(permissionsOf('auditor').sort()).toEqual([...auditorMay].sort());
  });

  it('refuse with the role, the permission and who may', () => {
    const auditor = { name: 'a', role: 'auditor' as const };
    expect(can(auditor, 'property.write')).toBe(false);
    expect(refusal(auditor, 'property.write')).toBe(
      'role auditor may not property.write (allowed: admin, registrar, planner, protection-officer)',
    );
    expect(() => authorize(auditor, 'property.write')).toThrow(
      expect.objectContaining({ status: 403, id: 'forbidden' }),
    );
    expect(() => authorize({ name: 'p', role: 'planner' }, 'property.write')).not.toThrow();
  });

  it('names permissions as resource.action', () => {
    expect(isPermission('property.write')).toBe(true);
    expect(isPermission('property.delete')).toBe(false);
    for (const p of Object.keys(permissions)) expect(p).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });
});

describe('the person policy', () => {
  it('lets registration staff and protection officers keep records by hand, and only them', () => {
    for (const p of ['person.add', 'person.update', 'person.remove'] as const)
      expect(rolesAllowed(p)).toEqual(['admin', 'registrar', 'protection-officer']);
    for (const role of ['planner', 'movement-officer', 'auditor'] as const)
      expect(can({ name: 'x', role }, 'person.update')).toBe(false);
    expect(rolesAllowed('person.erase')).toEqual(['admin', 'protection-officer']);
  });
});

describe('the consent and disclosure policies', () => {
  it('let those who register and protect persons record consent, every role read it', () => {
    expect(rolesAllowed('consent.record')).toEqual(['admin', 'registrar', 'protection-officer']);
    for (const role of ['planner', 'movement-officer', 'auditor'] as const)
      expect(can({ name: 'x', role }, 'consent.record')).toBe(false);
    expect(rolesAllowed('consent.read')).toEqual(roles);
    expect(rolesAllowed('consent.declareBasis')).toEqual(['admin', 'protection-officer']);
  });

  it('show the disclosure log to admins, protection officers and auditors only', () => {
    expect(rolesAllowed('disclosure.read')).toEqual(['admin', 'protection-officer', 'auditor']);
    for (const role of ['registrar', 'planner', 'movement-officer'] as const)
      expect(can({ name: 'x', role }, 'disclosure.read')).toBe(false);
  });
});
