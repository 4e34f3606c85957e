/**
 * Movements on a time line, one lane per destination; each bar is filled as its seats are. A bar
 * can be chosen (click, Enter or Space) to list its cases, and a dragged case can be dropped on it.
 */
import type { DragEvent, KeyboardEvent } from 'react';
import { codeOf, useNumbers, useT } from '../i18n/use-t.js';
import type { Load } from '../lib/loads.js';
import type { MovementRow } from '../lib/types.js';

/** How a bar answers a case dragged over it: it fits, it does not, or nothing is dragged. */
export type DropState = 'ok' | 'bad' | undefined;

/** What the chart does with the pointer and keyboard (all optional: a read-only chart without). */
export interface GanttActions {
  selected?: string | null;
  /** The movement a dragged case is over. */
  over?: string | null;
  onSelect?: (movementId: string) => void;
  /** The answer for a case dragged over a movement. */
  dropState?: (movementId: string) => DropState;
  /** A dragged case entered a movement's bar. */
  onDragEnter?: (movementId: string) => void;
  /** A dragged case left a movement's bar (entering the next one comes first). */
  onDragLeave?: (movementId: string) => void;
  onDrop?: (movementId: string) => void;
}

const day = 86_400_000;
const laneHeight = 30;
const labelWidth = 70;
const width = 1000;
/**
 * The narrowest hit area of a bar, in chart units. Wider ones (24 px at 820 px would need 36)
 * overlap their neighbours in a busy lane, so that a tap or a drop lands on the wrong movement.
 */
const hitWidth = 14;

/** The Gantt chart of movements. */
export function Gantt(
  props: {
    movements: MovementRow[];
    loads: Map<string, Load>;
    today: string;
  } & GanttActions,
) {
  const t = useT();
  const { number, digits } = useNumbers();
  const ms = props.movements.map((m) => Date.parse(m.departAt));
  if (ms.length === 0) return <p className="muted">{t('gantt.none')}</p>;
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
        // An image may not hold controls (axe: nested-interactive): with selectable bars it is a
        // group of buttons under the same name.
        role={props.onSelect ? 'group' : 'img'}
        aria-label={t('gantt.label', {
          movements: number(props.movements.length),
          lanes: number(lanes.length),
        })}
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
          const at = Date.UTC(y, 0, 1);
          return (
            <g key={y}>
              <line x1={x(at)} x2={x(at)} y1={0} y2={height - 24} className="tick" />
              <text x={x(at) + 3} y={height - 10} className="axis">
                {digits(String(y))}
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
          const drop = props.dropState?.(m.id);
          const label = t('gantt.bar', {
            id: m.id,
            date: digits(m.departAt.slice(0, 10)),
            destination: m.destinationId ?? '–',
            persons: number(load?.persons ?? 0),
            seats: number(m.seats),
            status: t('movementStatus', codeOf(m.status)),
          });
          const choose = props.onSelect
            ? {
                role: 'button',
                tabIndex: 0,
                'aria-label': label,
                'aria-pressed': props.selected === m.id,
                onClick: () => props.onSelect!(m.id),
                onKeyDown: (e: KeyboardEvent) => {
                  if (e.key !== 'Enter' && e.key !== ' ') return;
                  e.preventDefault();
                  props.onSelect!(m.id);
                },
              }
            : {};
          const target = props.onDrop
            ? {
                onDragEnter: () => props.onDragEnter?.(m.id),
                onDragOver: (e: DragEvent) => {
                  // Only a fitting movement accepts the drop; the page says why another does not.
                  if (drop !== 'ok') return;
                  e.preventDefault();
                  e.dataTransfer.dropEffect = 'move';
                },
                onDragLeave: (e: DragEvent) => {
                  // Moving between the bar's own shapes is not leaving it.
                  if (!e.currentTarget.contains(e.relatedTarget as Node | null))
                    props.onDragLeave?.(m.id);
                },
                onDrop: (e: DragEvent) => {
                  e.preventDefault();
                  props.onDrop!(m.id);
                },
              }
            : {};
          const classes = [
            'bar',
            props.selected === m.id ? 'selected' : '',
            drop ? `drop-${drop}` : '',
            drop && props.over === m.id ? 'over' : '',
          ].join(' ');
          return (
            <g key={m.id} data-movement={m.id} className={classes} {...choose} {...target}>
              <title>{label}</title>
              {/* A target wider than thin bars, as tall as the lane. */}
              <rect
                className="hit"
                x={bx - Math.max(0, (hitWidth - barWidth) / 2)}
                y={lane * laneHeight}
                width={Math.max(hitWidth, barWidth)}
                height={laneHeight - 4}
              />
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
        {t('gantt.caption')}
        {props.onSelect && ` ${t('gantt.captionDrag')}`}
      </figcaption>
    </figure>
  );
}
