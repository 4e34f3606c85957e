/** Small shared pieces: links, panels, numbers, notes for errors and missing features. */
import type { Permission } from '@corridor/core';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useErrorText } from '../i18n/server-text.js';
import { useT, useNumbers } from '../i18n/use-t.js';
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
export function Panel(props: {
  title: ReactNode;
  children: ReactNode;
  wide?: boolean;
  id?: string;
}) {
  const generated = useId();
  const id = props.id ?? `panel-${generated.replace(/[^a-zA-Z0-9]+/g, '')}`;
  return (
    <section className={props.wide ? 'panel wide' : 'panel'} aria-labelledby={id}>
      <h2 id={id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** One headline number; `name` lets tests find it. */
export function Stat(props: { name: string; label: string; value: number | null | undefined }) {
  const { number } = useNumbers();
  return (
    <div className="stat" data-stat={props.name}>
      <bdi className="stat-value">{number(props.value)}</bdi>
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
  title: ReactNode;
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
  const t = useT();
  return <p className="muted">{t('ui.notAvailable', { what: props.what })}</p>;
}

/** An API error in words, announced to screen readers. */
export function ErrorNote(props: { error: ApiError | undefined }) {
  const errorText = useErrorText();
  if (!props.error) return null;
  return (
    <p className="error" role="alert">
      {errorText(props.error)}
    </p>
  );
}

/** A loading line. */
export function Loading() {
  const t = useT();
  return (
    <p className="muted" aria-live="polite">
      {t('ui.loading')}
    </p>
  );
}

/** A horizontal bar showing `used` of `capacity`. */
export function LoadBar(props: { used: number; capacity: number; label: string; unit: string }) {
  const t = useT();
  const { number } = useNumbers();
  const said = t('ui.load', {
    label: props.label,
    used: props.used,
    capacity: props.capacity,
    unit: props.unit,
  });
  const fraction = props.capacity > 0 ? Math.min(1, props.used / props.capacity) : 0;
  const over = props.used > props.capacity;
  return (
    <div className="loadbar" title={said}>
      <meter
        min={0}
        max={Math.max(props.capacity, 1)}
        value={Math.min(props.used, props.capacity)}
        aria-label={said}
        className={over ? 'over' : fraction > 0.9 ? 'full' : ''}
      />
      <span>
        <bdi>
          {number(props.used)}/{number(props.capacity)}
        </bdi>{' '}
        {props.unit}
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
  const t = useT();
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
        ? { tabIndex: 0, role: 'region', 'aria-label': props.label ?? t('ui.tableScrolls') }
        : {})}
    >
      {props.children}
    </div>
  );
}
