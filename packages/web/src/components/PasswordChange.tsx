/** A small form to change one's own password; the server refuses common and breached ones. */
import { T, useT } from '../i18n/use-t.js';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../lib/api.js';
import {
  changePassword,
  passwordFormProblem,
  passwordServerMessage,
  type PasswordForm,
} from '../lib/password-change.js';
import { rewrapVault } from '../offline/device-session.js';

/** The form, shown from the header; `onClose` hides it. */
export function PasswordChange(props: { onClose: () => void }) {
  const t = useT();
  const [form, setForm] = useState<PasswordForm>({ current: '', next: '', repeat: '' });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (name: keyof PasswordForm) => ({
    id: `password-${name}`,
    name,
    type: 'password',
    required: true,
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = passwordFormProblem(form);
    if (problem) return setMessage({ ok: false, text: problem });
    setBusy(true);
    try {
      const { sessionsEnded } = await changePassword(form);
      // The device's offline data stays readable under the new password.
      await rewrapVault(form.current, form.next).catch(() => false);
      setForm({ current: '', next: '', repeat: '' });
      setMessage({
        ok: true,
        text: t('password.changed', { sessions: sessionsEnded }),
      });
    } catch (err) {
      setMessage({
        ok: false,
        text: err instanceof ApiError ? passwordServerMessage(err.message) : t('error.noAnswer'),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="password-change"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="password-title"
    >
      <h2 id="password-title">
        <T id="heading.changePassword" />
      </h2>
      <label htmlFor="password-current">{t('password.current')}</label>
      <input {...field('current')} autoComplete="current-password" />
      <label htmlFor="password-next">{t('password.next')}</label>
      <input {...field('next')} autoComplete="new-password" />
      <label htmlFor="password-repeat">{t('password.repeat')}</label>
      <input {...field('repeat')} autoComplete="new-password" />
      {message && (
        <p className={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('password.busy') : t('heading.changePassword')}
      </button>{' '}
      <button type="button" className="link-button" onClick={props.onClose}>
        {t('password.close')}
      </button>
    </form>
  );
}
