/** The Timetable page. */
export function Timetable() {
  return <p>Coming.</p>;
}
