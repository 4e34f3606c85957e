/** Movements on a time line, one lane per destination; each bar is filled as its seats are. */
import type { Load } from '../lib/loads.js';
import type { MovementRow } from '../lib/types.js';

const day = 86_400_000;
const laneHeight = 30;
const labelWidth = 70;
const width = 1000;

/** The Gantt chart of movements. */
export function Gantt(props: {
  movements: MovementRow[];
  loads: Map<string, Load>;
  today: string;
}) {
  const ms = props.movements.map((m) => Date.parse(m.departAt));
  if (ms.length === 0) return <p className="muted">No movements.</p>;
  const start = Math.min(...ms) - 30 * day;
  const end = Math.max(...ms) + 30 * day;
  const lanes = [...new Set(props.movements.map((m) => m.destinationId ?? '–'))].sort();
  const x = (t: number) => labelWidth + ((t - start) / (end - start)) * (width - labelWidth - 10);
  const height = lanes.length * laneHeight + 30;
  const years: number[] = [];
  for (let y = new Date(start).getUTCFullYear() + 1; Date.UTC(y, 0, 1) < end; y++) years.push(y);
  const todayX = Date.parse(props.today);
  const barWidth = Math.max(5, ((14 * day) / (end - start)) * (width - labelWidth));

  return (
    <figure className="gantt">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`Gantt chart of ${props.movements.length} movements in ${lanes.length} lanes by destination`}
      >
        {lanes.map((lane, i) => (
          <g key={lane} transform={`translate(0,${i * laneHeight})`}>
            <rect
              x={labelWidth}
              width={width - labelWidth}
              height={laneHeight - 4}
              className="lane"
            />
            <text x={4} y={laneHeight / 2 + 2} className="lane-label">
              {lane}
            </text>
          </g>
        ))}
        {years.map((y) => {
          const t = Date.UTC(y, 0, 1);
          return (
            <g key={y}>
              <line x1={x(t)} x2={x(t)} y1={0} y2={height - 24} className="tick" />
              <text x={x(t) + 3} y={height - 10} className="axis">
                {y}
              </text>
            </g>
          );
        })}
        {todayX > start && todayX < end && (
          <line x1={x(todayX)} x2={x(todayX)} y1={0} y2={height - 24} className="today" />
        )}
        {props.movements.map((m) => {
          const lane = lanes.indexOf(m.destinationId ?? '–');
          const load = props.loads.get(m.id);
          const fill = load && load.seats > 0 ? Math.min(1, load.persons / load.seats) : 0;
          const h = laneHeight - 8;
          const bx = x(Date.parse(m.departAt)) - barWidth / 2;
          const by = lane * laneHeight + 2;
          return (
            <g key={m.id} data-movement={m.id}>
              <title>
                {`${m.id} ${m.departAt.slice(0, 10)} to ${m.destinationId ?? '–'}: ${load?.persons ?? 0} of ${m.seats} seats, ${m.status}`}
              </title>
              <rect
                x={bx}
                y={by}
                width={barWidth}
                height={h}
                className={m.status === 'cancelled' ? 'cancelled-mark' : 'cap'}
              />
              <rect
                x={bx}
                y={by + h * (1 - fill)}
                width={barWidth}
                height={h * fill}
                className={
                  m.status === 'departed' || m.status === 'arrived' ? 'departed-mark' : 'used'
                }
              />
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">
        One lane per destination; each bar is a movement, filled by the share of its seats taken
        (green: departed, red: cancelled, dashed line: today).
      </figcaption>
    </figure>
  );
}
