/** The line the planning commands print for cases left out for registration consent (issue 20). */

/** One line naming the cases left out, or none when no case was. */
export function withoutConsentLines(out: {
  withoutConsent: number;
  withoutConsentCases: string[];
}): string[] {
  if (out.withoutConsent === 0) return [];
  const shown = out.withoutConsentCases.slice(0, 20).join(', ');
  const more = out.withoutConsentCases.length > 20 ? ', … (use --json)' : '';
  return [
    `left out: ${out.withoutConsent} cases with a member who refused or withdrew registration consent (${shown}${more})`,
  ];
}
