/**
 * Messages to a movement's households in the web: choose a purpose, give its facts, preview each
 * household's text in its language (or why it is skipped), send, and read the message log.
 */
import { codeOf, T, useNumbers, useT } from '../i18n/use-t.js';
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../lib/api.js';
import { useSession } from '../lib/session.js';
import type { MessageLog, MessageSend, MessageTemplates } from '../lib/types.js';
import { useApi } from '../lib/use-api.js';
import { ErrorNote, Loading, Panel, TableScroll } from './ui.js';

/** The messages panel of the movement-day page, for roles that read messages. */
export function MovementMessages(props: { movementId: string }) {
  const { can } = useSession();
  const t = useT();
  const { number, dateTime } = useNumbers();
  const templates = useApi<MessageTemplates>(
    can('message.read') ? '/api/messages/templates' : null,
  );
  const log = useApi<MessageLog>(
    can('message.read') ? `/api/messages?movementId=${encodeURIComponent(props.movementId)}` : null,
  );
  const [purpose, setPurpose] = useState('checkin-call');
  const [facts, setFacts] = useState<Record<string, string>>({});
  const [result, setResult] = useState<MessageSend | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  if (!can('message.read')) return null;
  const factNames = templates.data?.facts[purpose] ?? [];
  const languages = (templates.data?.templates ?? [])
    .filter((m) => m.purpose === purpose)
    .map((m) => m.language);

  async function run(path: '/api/messages/preview' | '/api/messages/send', e?: FormEvent) {
    e?.preventDefault();
    setError(undefined);
    try {
      const given = Object.fromEntries(
        Object.entries(facts).filter(([k, v]) => v && factNames.includes(k)),
      );
      setResult(
        await api<MessageSend>(path, {
          method: 'POST',
          body: { purpose, movementId: props.movementId, facts: given },
        }),
      );
      if (path === '/api/messages/send') log.reload();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    }
  }

  return (
    <Panel title={<T id="heading.messages" />} wide>
      <ErrorNote error={templates.error} />
      {!templates.data && !templates.error && <Loading />}
      <form
        className="row"
        aria-label={t('messages.form')}
        onSubmit={(e) => void run('/api/messages/preview', e)}
      >
        <div>
          <label htmlFor="msg-purpose">{t('messages.purpose')}</label>
          <select
            id="msg-purpose"
            value={purpose}
            onChange={(e) => {
              setPurpose(e.target.value);
              setResult(undefined);
            }}
          >
            {Object.keys(templates.data?.facts ?? { 'checkin-call': [] }).map((p) => (
              <option key={p} value={p}>
                {t('messagePurpose', codeOf(p))}
              </option>
            ))}
          </select>
        </div>
        {factNames.map((f) => (
          <div key={f}>
            <label htmlFor={`msg-fact-${f}`}>{t('messageFact', { code: f, raw: f })}</label>
            <input
              id={`msg-fact-${f}`}
              size={14}
              value={facts[f] ?? ''}
              onChange={(e) => setFacts({ ...facts, [f]: e.target.value })}
            />
          </div>
        ))}
        <button type="submit">{t('messages.preview')}</button>
        {can('message.send') && (
          <button type="button" className="primary" onClick={() => void run('/api/messages/send')}>
            {t('messages.send')}
          </button>
        )}
      </form>
      {can('message.template') && (
        <TemplateForm
          purpose={purpose}
          variables={templates.data?.variables[purpose] ?? []}
          onSaved={templates.reload}
        />
      )}
      <p className="muted">
        <T
          id="messages.templates"
          values={{
            purpose: t('messagePurpose', codeOf(purpose)),
            // Language codes are data: kept left to right inside a right-to-left sentence.
            languages:
              languages.length > 0 ? (
                <bdi>{languages.join(t('list.separator'))}</bdi>
              ) : (
                t('messages.noTemplate')
              ),
          }}
        />
      </p>
      <ErrorNote error={error} />
      {result && (
        <>
          <p role="status">
            {t('messages.counts', {
              done: result.dryRun
                ? t('messages.wouldSend', { count: number(result.counts.wouldSend) })
                : t('messages.sent', {
                    sent: number(result.counts.sent),
                    failed: number(result.counts.failed),
                  }),
              skipped: number(result.counts.skipped),
              households: number(result.counts.households),
            })}
          </p>
          <TableScroll>
            <table aria-label={t('messages.perHousehold')}>
              <thead>
                <tr>
                  <th scope="col">
                    <T id="col.case" />
                  </th>
                  <th scope="col">
                    <T id="col.language" />
                  </th>
                  <th scope="col">
                    <T id="col.channel" />
                  </th>
                  <th scope="col">
                    <T id="col.status" />
                  </th>
                  <th scope="col">
                    <T id="col.text" />
                  </th>
                  <th scope="col">
                    <T id="col.reason" />
                  </th>
                </tr>
              </thead>
              <tbody>
                {result.messages.map((m) => (
                  <tr key={m.case} data-status={m.status}>
                    <td>
                      <bdi>{m.case}</bdi>
                    </td>
                    <td>{m.language ?? '–'}</td>
                    <td>{m.channel ? t('messageChannel', codeOf(m.channel)) : '–'}</td>
                    <td>{t('messageStatus', codeOf(m.status))}</td>
                    <td lang={m.language ?? undefined} dir="auto">
                      {m.text ?? '–'}
                    </td>
                    <td>{m.reason ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
      <h3>
        <T id="heading.sent" />
      </h3>
      <ErrorNote error={log.error} />
      {log.data && log.data.messages.length === 0 && <p className="muted">{t('messages.none')}</p>}
      {log.data && log.data.messages.length > 0 && (
        <TableScroll>
          <table aria-label={t('messages.log')}>
            <thead>
              <tr>
                <th scope="col">
                  <T id="col.case" />
                </th>
                <th scope="col">
                  <T id="col.purpose" />
                </th>
                <th scope="col">
                  <T id="col.channel" />
                </th>
                <th scope="col">
                  <T id="col.status" />
                </th>
                <th scope="col">
                  <T id="col.tries" />
                </th>
                <th scope="col">
                  <T id="col.when" />
                </th>
                <th scope="col">
                  <T id="col.reason" />
                </th>
              </tr>
            </thead>
            <tbody>
              {log.data.messages.map((m) => (
                <tr key={m.id}>
                  <td>
                    <bdi>{m.case}</bdi>
                  </td>
                  <td>{t('messagePurpose', codeOf(m.purpose))}</td>
                  <td>{m.channel ? t('messageChannel', codeOf(m.channel)) : '–'}</td>
                  <td>{t('messageStatus', codeOf(m.status))}</td>
                  <td>{number(m.attempts)}</td>
                  <td>{dateTime(m.receiptAt ?? m.sentAt ?? m.createdAt)}</td>
                  <td>{m.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Panel>
  );
}

/** Saves the template of a purpose in one language (`POST /api/messages/templates`). */
function TemplateForm(props: { purpose: string; variables: string[]; onSaved: () => void }) {
  const t = useT();
  const [form, setForm] = useState({ language: '', subject: '', body: '' });
  const [error, setError] = useState<ApiError | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value });
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setDone(null);
    try {
      await api('/api/messages/templates', {
        method: 'POST',
        body: { purpose: props.purpose, ...form },
      });
      setDone(t('messages.saved', { purpose: props.purpose, language: form.language }));
      props.onSaved();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    }
  }
  return (
    <details>
      <summary>
        <T
          id="messages.writeTemplate"
          values={{ purpose: <T id="messagePurpose" values={codeOf(props.purpose)} /> }}
        />
      </summary>
      <form className="row" aria-label={t('messages.template')} onSubmit={(e) => void submit(e)}>
        <div>
          <label htmlFor="tpl-language">{t('messages.language')}</label>
          <input
            id="tpl-language"
            required
            size={4}
            value={form.language}
            onChange={set('language')}
          />
        </div>
        <div>
          <label htmlFor="tpl-subject">{t('messages.subject')}</label>
          <input
            id="tpl-subject"
            required
            dir="auto"
            value={form.subject}
            onChange={set('subject')}
          />
        </div>
        <div>
          <label htmlFor="tpl-body">{t('messages.text')}</label>
          <textarea
            id="tpl-body"
            required
            dir="auto"
            rows={3}
            cols={40}
            value={form.body}
            onChange={set('body')}
          />
        </div>
        <button type="submit">{t('messages.save')}</button>
        <p className="muted">
          <T
            id="messages.icu"
            values={{
              variables: () => <code>{props.variables.map((v) => `{${v}}`).join(' ')}</code>,
            }}
          />
        </p>
        {error && (
          <p className="error" role="alert">
            {error.field('body') ?? error.field('subject') ?? error.message}
          </p>
        )}
        {done && (
          <p className="ok" role="status">
            {done}
          </p>
        )}
      </form>
    </details>
  );
}

/**
 * A person's e-mail address and phone number (`POST /api/persons/:id/contact`): sealed under the
 * person's key; empty fields leave what is stored.
 */
export function ContactForm(props: { personId: string; onSaved: () => void; onClose: () => void }) {
  const t = useT();
  const [form, setForm] = useState({ email: '', phone: '' });
  const [error, setError] = useState<ApiError | undefined>();
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    try {
      await api(`/api/persons/${encodeURIComponent(props.personId)}/contact`, {
        method: 'POST',
        body: {
          ...(form.email ? { email: form.email } : {}),
          ...(form.phone ? { phone: form.phone } : {}),
        },
      });
      props.onSaved();
      props.onClose();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    }
  }
  return (
    <form
      className="row"
      aria-label={t('contact.form', { id: props.personId })}
      onSubmit={(e) => void submit(e)}
    >
      <div>
        <label htmlFor="contact-email">{t('contact.email')}</label>
        <input
          id="contact-email"
          type="email"
          value={form.email}
          onChange={(e) => setForm({ ...form, email: e.target.value })}
        />
      </div>
      <div>
        <label htmlFor="contact-phone">{t('contact.phone')}</label>
        <input
          id="contact-phone"
          type="tel"
          value={form.phone}
          onChange={(e) => setForm({ ...form, phone: e.target.value })}
        />
      </div>
      <button type="submit" className="primary">
        {t('contact.save')}
      </button>
      <button type="button" onClick={props.onClose}>
        {t('ui.cancel')}
      </button>
      <ErrorNote error={error} />
    </form>
  );
}
