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

const personalLists = z.registry<{ classify: (item: never) => PersonField }>();

/**
 * A list whose items are personal data of a class that depends on the item (a need is an
 * assistance or a protection need by its code): items of a class the role may not see are left out.
 */
export function personalItems<T extends z.ZodType>(
  classify: (item: z.output<T>) => PersonField,
  element: T,
): z.ZodArray<T> {
  const list = z.array(element);
  personalLists.add(list, { classify: classify as (item: never) => PersonField });
  return list;
}

const personalGroups = z.registry();

/**
 * An object of personal fields (a person's name, birth date, phone…) shown as one: the fields a
 * role may not see are left out, and the whole is null when nothing is left (or none was given).
 * Give the fields with `personal(…).optional()`.
 */
export function personalGroup<S extends z.ZodRawShape>(shape: S): z.ZodNullable<z.ZodObject<S>> {
  const group = z.object(shape);
  personalGroups.add(group);
  return group.nullable();
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
  if (personalFieldOf(schema) || personalLists.has(schema) || personalGroups.has(schema))
    return true;
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
 * see becomes null (left out in a `personalGroup`, which is null when nothing is left); a
 * `personalItems` list keeps the items the role may see. Unions are walked with every option.
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
      if (!personalGroups.has(schema)) return out;
      for (const [key, child] of Object.entries(d.shape ?? {})) {
        const inner = defOf(child).type === 'optional' ? defOf(child).innerType! : child;
        const field = personalFieldOf(inner);
        if (field && !maySee(role, field)) delete out[key];
      }
      return Object.keys(out).length > 0 ? out : null;
    }
    case 'array': {
      if (!Array.isArray(value)) return value;
      const classify = personalLists.get(schema)?.classify as
        ((item: unknown) => PersonField) | undefined;
      const kept = classify ? value.filter((v) => maySee(role, classify(v))) : value;
      return kept.map((v) => redactOutput(d.element!, v, role));
    }
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
