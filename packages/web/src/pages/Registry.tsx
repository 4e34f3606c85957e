/** The Registry page. */
export function Registry() {
  return <p>Coming.</p>;
}
