/**
 * Starts a long run as a job and follows it: progress, then the result. The job id is kept in
 * the browser, so a planner can leave the page and come back to the same run.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useServerCodes } from '../i18n/server-codes.js';
import { useErrorText } from '../i18n/server-text.js';
import { codeOf, useT } from '../i18n/use-t.js';
import { api, ApiError } from '../lib/api.js';
import type { Job } from '../lib/types.js';
import { ErrorNote } from './ui.js';

const finished = new Set(['succeeded', 'failed', 'cancelled']);

/** A button that starts `post` and shows the job until it ends; `render` shows the result. */
export function JobRunner(props: {
  name: string;
  label: string;
  post: { path: string; body: unknown };
  canCancel: boolean;
  onDone?: () => void;
  render: (result: unknown) => ReactNode;
  disabled?: boolean;
}) {
  const storageKey = `corridor.job.${props.name}`;
  const t = useT();
  const codes = useServerCodes();
  const errorText = useErrorText();
  const [jobId, setJobId] = useState<string | null>(() => localStorage.getItem(storageKey));
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<ApiError | undefined>();
  const { onDone } = props;

  useEffect(() => {
    if (!jobId) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const j = await api<Job>(`/api/jobs/${encodeURIComponent(jobId)}`);
        if (!live) return;
        setJob(j);
        if (finished.has(j.status)) onDone?.();
        else timer = setTimeout(() => void poll(), 600);
      } catch (err) {
        if (!live) return;
        if (err instanceof ApiError && err.status === 404) {
          localStorage.removeItem(storageKey);
          setJobId(null);
        } else if (err instanceof ApiError) setError(err);
      }
    };
    void poll();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [jobId, storageKey, onDone]);

  const start = async () => {
    setError(undefined);
    setJob(null);
    try {
      const j = await api<Job>(props.post.path, { method: 'POST', body: props.post.body });
      localStorage.setItem(storageKey, String(j.id));
      setJobId(String(j.id));
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  const cancel = async () => {
    if (!jobId) return;
    try {
      await api(`/api/jobs/${encodeURIComponent(jobId)}/cancel`, { method: 'POST' });
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  const running = job !== null && !finished.has(job.status);

  return (
    <div className="job" data-job={props.name}>
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={running || props.disabled}
          onClick={() => void start()}
        >
          {props.label}
        </button>
        {running && props.canCancel && (
          <button type="button" onClick={() => void cancel()}>
            {t('job.cancel')}
          </button>
        )}
      </div>
      <ErrorNote error={error} />
      {job && (
        <div aria-live="polite">
          <p>
            {t('job.title', { id: job.id })}{' '}
            <span data-testid="job-status">{t('jobStatus', codeOf(job.status))}</span>
            {job.progress ? ` · ${codes.phase(job.progress.phase, job.progress.message)}` : ''}
          </p>
          {running && (
            <progress
              className="progress"
              max={1}
              value={job.progress?.fraction ?? undefined}
              aria-label={t('job.progress', { label: props.label })}
            />
          )}
          {job.error && (
            <p className="error" role="alert">
              {errorText(job.error)}
            </p>
          )}
          {job.status === 'succeeded' && props.render(job.result)}
        </div>
      )}
    </div>
  );
}
