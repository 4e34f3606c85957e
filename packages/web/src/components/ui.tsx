/** Small shared pieces: links, panels, numbers, notes for errors and missing features. */
import type { Permission } from '@corridor/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ApiError } from '../lib/api.js';
import { navigate } from '../lib/router.js';
import { useSession } from '../lib/session.js';

/** An in-app link that navigates without reloading. */
export function Link(props: { to: string; children: ReactNode; current?: boolean }) {
  return (
    <a
      href={props.to}
      aria-current={props.current ? 'page' : undefined}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(props.to);
      }}
    >
      {props.children}
    </a>
  );
}

/** A titled section of a page. */
export function Panel(props: { title: string; children: ReactNode; wide?: boolean; id?: string }) {
  const id = props.id ?? `panel-${props.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className={props.wide ? 'panel wide' : 'panel'} aria-labelledby={id}>
      <h2 id={id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** One headline number; `name` lets tests find it. */
export function Stat(props: { name: string; label: string; value: number | null | undefined }) {
  return (
    <div className="stat" data-stat={props.name}>
      <span className="stat-value">
        {props.value == null ? '–' : props.value.toLocaleString('en')}
      </span>
      <span className="stat-label">{props.label}</span>
    </div>
  );
}

/**
 * A panel that needs a permission: left out entirely when the role lacks it (the UI never shows
 * what the role may not see).
 */
export function GatedPanel(props: {
  permission: Permission;
  title: string;
  wide?: boolean;
  children: ReactNode;
}) {
  const { can } = useSession();
  if (!can(props.permission)) return null;
  return (
    <Panel title={props.title} wide={props.wide}>
      {props.children}
    </Panel>
  );
}

/** Said when the server does not (yet) have what a panel needs. */
export function NotAvailable(props: { what: string }) {
  return <p className="muted">{props.what} is not available on this server yet.</p>;
}

/** An API error in words, announced to screen readers. */
export function ErrorNote(props: { error: ApiError | undefined }) {
  if (!props.error) return null;
  return (
    <p className="error" role="alert">
      {props.error.message}
    </p>
  );
}

/** A loading line. */
export function Loading() {
  return (
    <p className="muted" aria-live="polite">
      Loading…
    </p>
  );
}

/** A horizontal bar showing `used` of `capacity`. */
export function LoadBar(props: { used: number; capacity: number; label: string; unit: string }) {
  const fraction = props.capacity > 0 ? Math.min(1, props.used / props.capacity) : 0;
  const over = props.used > props.capacity;
  return (
    <div
      className="loadbar"
      title={`${props.label}: ${props.used} of ${props.capacity} ${props.unit}`}
    >
      <meter
        min={0}
        max={Math.max(props.capacity, 1)}
        value={Math.min(props.used, props.capacity)}
        aria-label={`${props.label}: ${props.used} of ${props.capacity} ${props.unit}`}
        className={over ? 'over' : fraction > 0.9 ? 'full' : ''}
      />
      <span>
        {props.used.toLocaleString('en')}/{props.capacity.toLocaleString('en')} {props.unit}
      </span>
    </div>
  );
}

/**
 * A table's horizontal scroll box. Once its content is wider than the box (a tablet, a long
 * table), it becomes a named region in the tab order, so it can be scrolled by keyboard (axe:
 * scrollable-region-focusable); while it fits, it adds no tab stop.
 */
export function TableScroll(props: { children: ReactNode; label?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    for (const child of el.children) observer.observe(child);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={box}
      className="table-scroll"
      {...(scrolls
        ? { tabIndex: 0, role: 'region', 'aria-label': props.label ?? 'Table, scrolls sideways' }
        : {})}
    >
      {props.children}
    </div>
  );
}
