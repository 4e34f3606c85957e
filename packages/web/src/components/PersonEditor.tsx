/**
 * One person by hand (issue 22): add a member to the case, correct one (based on the version the
 * clerk saw: a stale edit shows the stored and the submitted values side by side) or remove one
 * added by mistake. Every change asks why; the case history keeps who, when and which fields.
 */
import { T, useNumbers, useT } from '../i18n/use-t.js';
import type { MessageId } from '../i18n/messages.js';
import { useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError } from '../lib/api.js';
import type { CaseMember } from '../lib/case-types.js';
import { ErrorNote } from './ui.js';

type Fields = { givenName: string; familyName: string; sex: string; birthDate: string };
const labels: Record<keyof Fields, MessageId> = {
  givenName: 'person.givenName',
  familyName: 'person.familyName',
  sex: 'person.sex',
  birthDate: 'person.born',
};

/** True when the API's refusal names a field of the form (shown next to it, not again below). */
const namesAField = (error: ApiError | undefined) =>
  ['givenName', 'familyName', 'sex', 'birthDate', 'reason'].some((f) => error?.field(f));

/** An input with its label and, under it, what the API said about it. */
function Field(props: {
  id: string;
  label: string;
  error: ApiError | undefined;
  name: string;
  children: ReactNode;
}) {
  const problem = props.error?.field(props.name);
  return (
    <div>
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {problem && (
        <p className="field-error" id={`${props.id}-error`} role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

/** The person fields of a form, with per-field errors. */
function PersonFields(props: {
  prefix: string;
  value: Fields;
  onChange: (v: Fields) => void;
  error: ApiError | undefined;
}) {
  const t = useT();
  const set = (k: keyof Fields) => (e: { target: { value: string } }) =>
    props.onChange({ ...props.value, [k]: e.target.value });
  const described = (k: string) =>
    props.error?.field(k) ? { 'aria-describedby': `${props.prefix}-${k}-error` } : {};
  return (
    <>
      {(['givenName', 'familyName'] as const).map((k) => (
        <Field
          key={k}
          id={`${props.prefix}-${k}`}
          label={t(labels[k])}
          error={props.error}
          name={k}
        >
          <input
            id={`${props.prefix}-${k}`}
            value={props.value[k]}
            onChange={set(k)}
            dir="auto"
            {...described(k)}
          />
        </Field>
      ))}
      <Field id={`${props.prefix}-sex`} label={t(labels.sex)} error={props.error} name="sex">
        <select id={`${props.prefix}-sex`} value={props.value.sex} onChange={set('sex')}>
          {['F', 'M', 'X'].map((code) => (
            <option key={code} value={code}>
              {t('person.sexOption', { code })}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id={`${props.prefix}-birthDate`}
        label={t(labels.birthDate)}
        error={props.error}
        name="birthDate"
      >
        <input
          id={`${props.prefix}-birthDate`}
          type="date"
          value={props.value.birthDate}
          onChange={set('birthDate')}
          {...described('birthDate')}
        />
      </Field>
    </>
  );
}

/** The stored and the submitted values of a stale edit, side by side. */
function StaleEdit(props: { error: ApiError }) {
  const t = useT();
  const { number } = useNumbers();
  const d = props.error.details as
    | {
        version?: { stored: number; submitted: number };
        stored?: Record<string, unknown>;
        submitted?: Record<string, unknown>;
      }
    | undefined;
  const fields = Object.keys(d?.submitted ?? {});
  const show = (v: unknown) =>
    v === undefined ? '–' : typeof v === 'string' ? v : JSON.stringify(v);
  return (
    <div role="alert">
      <p>{props.error.message}</p>
      <table aria-label={t('person.staleTable')}>
        <thead>
          <tr>
            <th scope="col">
              <T id="col.field" />
            </th>
            <th scope="col">
              {t('person.stored', { version: number(d?.version?.stored ?? null) })}
            </th>
            <th scope="col">
              {t('person.yours', { version: number(d?.version?.submitted ?? null) })}
            </th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f}>
              <td>{f in labels ? t(labels[f as keyof Fields]) : f}</td>
              <td>{show(d?.stored?.[f])}</td>
              <td>{show(d?.submitted?.[f])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The reason every change asks for. */
function Reason(props: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  error: ApiError | undefined;
}) {
  const t = useT();
  return (
    <Field id={props.id} label={t('person.why')} error={props.error} name="reason">
      <input
        id={props.id}
        required
        minLength={3}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </Field>
  );
}

const fieldsOf = (m: CaseMember): Fields => ({
  givenName: m.pii?.givenName ?? '',
  familyName: m.pii?.familyName ?? '',
  sex: m.sex ?? 'X',
  birthDate: m.pii?.birthDate ?? '',
});

/** Corrects one member: only the fields changed are sent, with the version they were based on. */
export function EditPerson(props: {
  member: CaseMember;
  onSaved: () => void;
  onClose: () => void;
}) {
  const t = useT();
  const before = fieldsOf(props.member);
  const [value, setValue] = useState(before);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const prefix = `edit-${props.member.id}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    const changed = Object.fromEntries(
      (Object.keys(value) as (keyof Fields)[])
        .filter((k) => value[k] !== before[k])
        .map((k) => [k, k === 'birthDate' && value[k] === '' ? null : value[k]]),
    );
    try {
      await api(`/api/persons/${encodeURIComponent(props.member.id)}`, {
        method: 'PATCH',
        body: { version: props.member.version, ...changed, reason },
      });
      props.onSaved();
      props.onClose();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  return (
    <form
      onSubmit={(e) => void submit(e)}
      aria-label={t('person.correct', { id: props.member.id })}
    >
      <div className="row">
        <PersonFields prefix={prefix} value={value} onChange={setValue} error={error} />
        <Reason id={`${prefix}-reason`} value={reason} onChange={setReason} error={error} />
      </div>
      <button type="submit">{t('person.saveCorrection')}</button>{' '}
      <button type="button" onClick={props.onClose}>
        {t('ui.cancel')}
      </button>
      {error?.id === 'stale-version' ? (
        <StaleEdit error={error} />
      ) : (
        !namesAField(error) && <ErrorNote error={error} />
      )}
    </form>
  );
}

/** Adds a member to the case (a newborn, say). */
export function AddPerson(props: { caseId: string; onSaved: () => void; onClose: () => void }) {
  const t = useT();
  const [value, setValue] = useState<Fields>({
    givenName: '',
    familyName: '',
    sex: 'F',
    birthDate: '',
  });
  const [reason, setReason] = useState(() => t('person.defaultReason'));
  const [error, setError] = useState<ApiError | undefined>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await api(`/api/cases/${encodeURIComponent(props.caseId)}/persons`, {
        method: 'POST',
        body: {
          givenName: value.givenName,
          familyName: value.familyName,
          sex: value.sex,
          ...(value.birthDate ? { birthDate: value.birthDate } : {}),
          reason,
        },
      });
      props.onSaved();
      props.onClose();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('person.add')}>
      <div className="row">
        <PersonFields prefix="add" value={value} onChange={setValue} error={error} />
        <Reason id="add-reason" value={reason} onChange={setReason} error={error} />
      </div>
      <button type="submit">{t('person.addSubmit')}</button>{' '}
      <button type="button" onClick={props.onClose}>
        {t('ui.cancel')}
      </button>
      {!namesAField(error) && <ErrorNote error={error} />}
    </form>
  );
}

/** Removes a member added by mistake (not an erasure: that is a protection officer's). */
export function RemovePerson(props: {
  member: CaseMember;
  onSaved: () => void;
  onClose: () => void;
}) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await api(`/api/persons/${encodeURIComponent(props.member.id)}/remove`, {
        method: 'POST',
        body: { reason },
      });
      props.onSaved();
      props.onClose();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('person.remove', { id: props.member.id })}>
      <Reason
        id={`remove-${props.member.id}-reason`}
        value={reason}
        onChange={setReason}
        error={error}
      />
      <button type="submit">{t('person.removeSubmit', { id: props.member.id })}</button>{' '}
      <button type="button" onClick={props.onClose}>
        {t('ui.cancel')}
      </button>
      {!namesAField(error) && <ErrorNote error={error} />}
    </form>
  );
}
