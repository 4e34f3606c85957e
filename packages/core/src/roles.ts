/** The roles of Corridor's users (SPEC M11). */
export const roles = [
  'admin',
  'registrar',
  'planner',
  'movement-officer',
  'protection-officer',
  'auditor',
] as const;
/** One of Corridor's roles. */
export type Role = (typeof roles)[number];

/** Narrows a string to a role. */
export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
