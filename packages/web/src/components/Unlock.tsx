/** Asks for the password that unlocks the device's sealed desk data. */
import { useState, type FormEvent } from 'react';
import { useT } from '../i18n/use-t.js';
import { unlockVault } from '../offline/vault.js';

/** A password form; says so when the password does not open the vault. */
export function Unlock(props: { why: string }) {
  const t = useT();
  const [password, setPassword] = useState('');
  const [wrong, setWrong] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setWrong(false);
    const vault = await unlockVault(password);
    setBusy(false);
    if (!vault) setWrong(true);
    setPassword('');
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('unlock.form')}>
      <p>{props.why}</p>
      <label htmlFor="unlock-password">{t('unlock.password')}</label>
      <input
        id="unlock-password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        required
      />
      <button type="submit" disabled={busy}>
        {busy ? t('unlock.busy') : t('unlock.submit')}
      </button>
      {wrong && (
        <p className="error" role="alert">
          {t('unlock.wrong')}
        </p>
      )}
    </form>
  );
}
