/** RFC 7240's `Prefer` request header, as far as Corridor honours it: `respond-async`. */

/** Whether the `Prefer` header asks for `respond-async`: answer 202 with a job, not the result. */
export function prefersAsync(header: string | string[] | undefined): boolean {
  const values = Array.isArray(header) ? header : header === undefined ? [] : [header];
  return values.some((value) =>
    value
      .split(',')
      .some((p) => p.split(';')[0]!.split('=')[0]!.trim().toLowerCase() === 'respond-async'),
  );
}
