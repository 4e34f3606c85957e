/**
 * The desk's document check for one passenger: the passport's machine-readable zone, typed or
 * from a document reader (which types both lines), checked by the server against the registry.
 */
import { useState, type FormEvent } from 'react';
import { useT } from '../i18n/use-t.js';
import { api, ApiError } from '../lib/api.js';
import type { DocumentCheckResult } from '../lib/types.js';
import { ErrorNote } from './ui.js';

/** The MRZ form and its verdict; `POST /api/checkin/document`. */
export function DocumentCheck(props: { movementId: string; personId: string }) {
  const t = useT();
  const [text, setText] = useState('');
  const [result, setResult] = useState<DocumentCheckResult | null>(null);
  const [error, setError] = useState<ApiError | undefined>();
  const id = `mrz-${props.personId}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setResult(null);
    const lines = text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    try {
      setResult(
        await api<DocumentCheckResult>('/api/checkin/document', {
          method: 'POST',
          body: { movementId: props.movementId, personId: props.personId, mrz: lines },
        }),
      );
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  return (
    <form className="document-check" onSubmit={(e) => void submit(e)}>
      <label htmlFor={id}>{t('documentCheck.label', { id: props.personId })}</label>
      <textarea
        id={id}
        rows={2}
        value={text}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" disabled={!text.trim()}>
        {t('documentCheck.submit')}
      </button>
      <ErrorNote error={error} />
      <div aria-live="polite">
        {result &&
          (result.valid ? (
            <p className="ok" data-testid="document-verdict">
              {t('documentCheck.accepted')}
            </p>
          ) : (
            <div className="error" data-testid="document-verdict">
              <p>{t('documentCheck.refused')}</p>
              <ul>
                {result.problems.map((p) => (
                  <li key={`${p.field}-${p.reason}`}>
                    {p.field}: {p.reason}
                  </li>
                ))}
              </ul>
            </div>
          ))}
      </div>
    </form>
  );
}
