/**
 * Redaction driven by output schemas: a field declared with `personal(field, schema)` is shown
 * only to roles the field policy lets see it. One function serves every command's output, so the
 * CLI, the API, the web and files show a role the same fields.
 */
import { z } from 'zod';
import { maySee, type PersonField } from './redact.js';
import type { Role } from './roles.js';

const personalFields = z.registry<{ personField: PersonField }>();

/** A field holding personal data of class `field`: null for a role that may not see it. */
export function personal<T extends z.ZodType>(field: PersonField, schema: T): z.ZodNullable<T> {
  const tagged = schema.nullable();
  personalFields.add(tagged, { personField: field });
  return tagged;
}

/** The class of personal data a schema was tagged with, if any. */
export function personalFieldOf(schema: z.ZodType): PersonField | undefined {
  return personalFields.get(schema)?.personField;
}

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  items?: z.ZodType[];
  valueType?: z.ZodType;
  options?: z.ZodType[];
};

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** True when some field reachable from `schema` is tagged personal (to skip walking plain outputs). */
export function hasPersonalFields(schema: z.ZodType, seen = new Set<z.ZodType>()): boolean {
  if (seen.has(schema)) return false;
  seen.add(schema);
  if (personalFieldOf(schema)) return true;
  const d = defOf(schema);
  const children = [
    ...Object.values(d.shape ?? {}),
    d.element,
    d.innerType,
    d.in,
    d.valueType,
    ...(d.items ?? []),
    ...(d.options ?? []),
  ].filter((c): c is z.ZodType => c !== undefined);
  return children.some((c) => hasPersonalFields(c, seen));
}

/**
 * `value` as `role` may see it, walking `schema` beside it: every personal field the role may not
 * see becomes null. Unions are walked with every option whose object keys match the value.
 */
export function redactOutput(schema: z.ZodType, value: unknown, role: Role): unknown {
  const field = personalFieldOf(schema);
  if (field && !maySee(role, field)) return null;
  if (value === null || value === undefined) return value;
  const d = defOf(schema);
  switch (d.type) {
    case 'object': {
      if (typeof value !== 'object') return value;
      const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      for (const [key, child] of Object.entries(d.shape ?? {}))
        if (key in out) out[key] = redactOutput(child, out[key], role);
      return out;
    }
    case 'array':
      return Array.isArray(value) ? value.map((v) => redactOutput(d.element!, v, role)) : value;
    case 'tuple':
      return Array.isArray(value)
        ? value.map((v, i) => (d.items?.[i] ? redactOutput(d.items[i]!, v, role) : v))
        : value;
    case 'record':
      if (typeof value !== 'object') return value;
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [
          k,
          redactOutput(d.valueType!, v, role),
        ]),
      );
    case 'nullable':
    case 'optional':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return redactOutput(d.innerType!, value, role);
    case 'pipe':
      return redactOutput(d.in!, value, role);
    case 'union': {
      let out: unknown = value;
      for (const option of d.options ?? []) out = redactOutput(option, out, role);
      return out;
    }
    default:
      return value;
  }
}
