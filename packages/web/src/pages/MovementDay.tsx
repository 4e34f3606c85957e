/** The MovementDay page. */
export function MovementDay() {
  return <p>Coming.</p>;
}
