/** The Incidents page. */
export function Incidents() {
  return <p>Coming.</p>;
}
