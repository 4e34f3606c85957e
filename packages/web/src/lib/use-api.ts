/** A React hook that loads one API path and reloads it on demand or on an interval. */
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from './api.js';

/** What `useApi` returns. */
export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/** Loads `path` (nothing when null); `everyMs` polls. */
export function useApi<T>(path: string | null, everyMs?: number): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({
    loading: path !== null,
  });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  useEffect(() => {
    if (path === null) {
      setState({ loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    api<T>(path).then(
      (data) => live && setState({ data, loading: false }),
      (e: unknown) =>
        live &&
        setState({
          loading: false,
          error: e instanceof ApiError ? e : new ApiError(0, 'network', String(e)),
        }),
    );
    return () => {
      live = false;
    };
  }, [path, tick]);
  useEffect(() => {
    if (!everyMs || path === null) return;
    const timer = setInterval(reload, everyMs);
    return () => clearInterval(timer);
  }, [everyMs, path, reload]);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
