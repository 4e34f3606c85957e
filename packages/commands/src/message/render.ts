/**
 * Templates in ICU MessageFormat (intl-messageformat): checked when saved — every variable known
 * to the purpose, the required ones used — and rendered in the household's language.
 */
import {
  errors,
  messagePurposeSpecs,
  templateVariables,
  type MessagePurpose,
  type MessageTemplate,
} from '@corridor/core';
import { IntlMessageFormat } from 'intl-messageformat';

/** The variables an ICU message uses, from its syntax tree (plural and select branches included). */
function variablesOf(elements: unknown, into: Set<string>): Set<string> {
  if (!Array.isArray(elements)) return into;
  for (const e of elements as Record<string, unknown>[]) {
    // Literals (0) and `#` inside a plural (7) name no variable; every other element does.
    if (e.type !== 0 && e.type !== 7 && typeof e.value === 'string') into.add(e.value);
    if (e.options && typeof e.options === 'object')
      for (const option of Object.values(e.options as Record<string, { value: unknown }>))
        variablesOf(option.value, into);
    if (Array.isArray(e.children)) variablesOf(e.children, into);
  }
  return into;
}

/** Compiles one text of a template, or throws 400 naming the field and the ICU syntax error. */
function compile(text: string, language: string, where: string): IntlMessageFormat {
  try {
    return new IntlMessageFormat(text, language, undefined, { ignoreTag: true });
  } catch (e) {
    throw errors.invalidInput(
      `invalid input for message.templateAdd at ${where}: not ICU MessageFormat (${(e as Error).message})`,
      { issues: [{ path: where, message: (e as Error).message }] },
    );
  }
}

/** The variables a template uses (subject and body together). */
export function templateUses(t: MessageTemplate): Set<string> {
  const used = new Set<string>();
  variablesOf(compile(t.subject, t.language, 'subject').getAst(), used);
  variablesOf(compile(t.body, t.language, 'body').getAst(), used);
  return used;
}

/**
 * Refuses (400, naming the field) a template whose text is not ICU MessageFormat, that uses a
 * variable its purpose does not know, or that leaves out a variable its purpose requires.
 */
export function checkTemplate(t: MessageTemplate): void {
  const allowed = templateVariables(t.purpose);
  for (const field of ['subject', 'body'] as const) {
    const used = variablesOf(compile(t[field], t.language, field).getAst(), new Set());
    const unknown = [...used].filter((v) => !allowed.includes(v));
    if (unknown.length > 0)
      throw errors.invalidInput(
        `invalid input for message.templateAdd at ${field}: unknown variable ${unknown
          .map((v) => `{${v}}`)
          .join(', ')} for ${t.purpose}; known: ${allowed.join(', ')}`,
        { issues: [{ path: field, message: `unknown variable ${unknown.join(', ')}` }] },
      );
  }
  const used = templateUses(t);
  const missing = messagePurposeSpecs[t.purpose].required.filter((v) => !used.has(v));
  if (missing.length > 0)
    throw errors.invalidInput(
      `invalid input for message.templateAdd at body: a ${t.purpose} message must use ${missing
        .map((v) => `{${v}}`)
        .join(', ')}`,
      { issues: [{ path: 'body', message: `missing variable ${missing.join(', ')}` }] },
    );
}

/** A template rendered: the e-mail subject and the text. */
export interface Rendered {
  subject: string;
  text: string;
}

/** Renders a checked template with `values` (every variable it uses must be there). */
export function render(t: MessageTemplate, values: Record<string, string | number>): Rendered {
  const as = (text: string) =>
    String(new IntlMessageFormat(text, t.language, undefined, { ignoreTag: true }).format(values));
  return { subject: as(t.subject), text: as(t.body) };
}

/** The facts a purpose's templates use that the sender did not give, by template. */
export function missingFacts(
  purpose: MessagePurpose,
  templates: readonly MessageTemplate[],
  facts: Record<string, string>,
): { template: string; fact: string }[] {
  const known = messagePurposeSpecs[purpose].facts;
  return templates.flatMap((t) =>
    [...templateUses(t)]
      .filter((v) => known.includes(v) && facts[v] === undefined)
      .map((fact) => ({ template: `${t.purpose}/${t.language}`, fact })),
  );
}
