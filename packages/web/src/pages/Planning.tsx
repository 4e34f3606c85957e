/** The Planning page. */
export function Planning() {
  return <p>Coming.</p>;
}
