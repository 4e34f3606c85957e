/**
 * The channels a message leaves by: e-mail through an SMTP server (nodemailer) and text messages
 * through an SMS gateway's HTTP interface (a JSON POST). Configured by the environment, so no
 * credential sits in the database; each attempt is retried a few times before it counts as failed.
 */
import type { MessageChannel } from '@corridor/core';
import nodemailer from 'nodemailer';

/** One message as a channel sends it; `to` is the address or number, held in memory only. */
export interface Outgoing {
  to: string;
  subject: string;
  text: string;
  language: string;
  /** The message's id, so a gateway can tell a retry from a new message. */
  reference: string;
}

/** A way out: sends one message or throws why it could not. */
export interface Channel {
  kind: MessageChannel;
  /** Who receives it, for the disclosure log: the server, never the person's address. */
  recipient: string;
  send(message: Outgoing): Promise<void>;
}

/** How a channel's failures are retried. */
export interface RetryOptions {
  maxAttempts: number;
  /** Milliseconds before each retry (the last repeated). */
  backoffMs: readonly number[];
  timeoutMs: number;
}

/** Three attempts, half a second then two seconds apart; ten seconds per attempt at most. */
export const defaultRetry: RetryOptions = {
  maxAttempts: 3,
  backoffMs: [500, 2000],
  timeoutMs: 10_000,
};

/** The e-mail channel over SMTP: `CORRIDOR_SMTP_URL` (smtp://user:pass@host:port), `CORRIDOR_SMTP_FROM`. */
function emailChannel(url: string, from: string, timeoutMs: number): Channel {
  const parsed = new URL(url);
  const transport = nodemailer.createTransport({
    host: parsed.hostname,
    port: Number(parsed.port || (parsed.protocol === 'smtps:' ? 465 : 587)),
    secure: parsed.protocol === 'smtps:',
    ...(parsed.username
      ? {
          auth: {
            user: decodeURIComponent(parsed.username),
            pass: decodeURIComponent(parsed.password),
          },
        }
      : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    kind: 'email',
    recipient: `e-mail server ${parsed.hostname}:${parsed.port || 'default'}`,
    async send(m) {
      await transport.sendMail({
        from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        headers: { 'Content-Language': m.language, 'X-Corridor-Message': m.reference },
      });
    },
  };
}

/** The SMS channel: `{to, text, language, reference}` POSTed as JSON to `CORRIDOR_SMS_URL`. */
function smsChannel(url: string, token: string | undefined, timeoutMs: number): Channel {
  const parsed = new URL(url);
  return {
    kind: 'sms',
    recipient: `SMS gateway ${parsed.host}`,
    async send(m) {
      const response = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          'content-type': 'application/json',
          'idempotency-key': m.reference,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({
          to: m.to,
          text: m.text,
          language: m.language,
          reference: m.reference,
        }),
      });
      await response.body?.cancel();
      if (response.status < 200 || response.status >= 300)
        throw new Error(`the SMS gateway answered ${response.status}`);
    },
  };
}

/**
 * The secret the SMS gateway sends with its delivery receipts (`Authorization: Bearer …`), from
 * `CORRIDOR_SMS_RECEIPT_SECRET`; undefined when receipts are not configured (they are refused).
 */
export function smsReceiptSecret(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const secret = env.CORRIDOR_SMS_RECEIPT_SECRET;
  return secret && secret.length >= 16 ? secret : undefined;
}

/** The channels the environment configures (none when nothing is set). */
export function configuredChannels(
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = defaultRetry.timeoutMs,
): Partial<Record<MessageChannel, Channel>> {
  const out: Partial<Record<MessageChannel, Channel>> = {};
  if (env.CORRIDOR_SMTP_URL)
    out.email = emailChannel(
      env.CORRIDOR_SMTP_URL,
      env.CORRIDOR_SMTP_FROM ?? 'Corridor <corridor@localhost>',
      timeoutMs,
    );
  if (env.CORRIDOR_SMS_URL)
    out.sms = smsChannel(env.CORRIDOR_SMS_URL, env.CORRIDOR_SMS_TOKEN, timeoutMs);
  return out;
}

/** Words from a channel without any e-mail address or phone number they may echo. */
export function scrubContacts(message: string): string {
  return message
    .replace(/[^\s<>@]+@[^\s<>@]+/g, '<address>')
    .replace(/\+?[0-9][0-9 ().-]{5,}[0-9]/g, '<number>');
}

/** An error's words without the address or number they may echo (an SMTP 550 often does). */
function scrub(message: string, to: string): string {
  return message
    .split(to)
    .join('<recipient>')
    .replace(/[^\s<>@]+@[^\s<>@]+/g, '<address>');
}

/** Sends through `channel`, retrying with backoff; the outcome and how many attempts it took. */
export async function sendWithRetry(
  channel: Channel,
  message: Outgoing,
  retry: RetryOptions = defaultRetry,
): Promise<{ ok: boolean; attempts: number; reason: string | null }> {
  let reason: string | null = null;
  for (let attempt = 1; attempt <= retry.maxAttempts; attempt++) {
    try {
      await channel.send(message);
      return { ok: true, attempts: attempt, reason: null };
    } catch (e) {
      const name = (e as Error).name;
      reason =
        name === 'TimeoutError'
          ? `no answer within ${retry.timeoutMs} ms`
          : scrub((e as Error).message, message.to);
    }
    if (attempt < retry.maxAttempts) {
      const wait = retry.backoffMs[Math.min(attempt - 1, retry.backoffMs.length - 1)] ?? 0;
      await new Promise((r) => setTimeout(r, wait));
    }
  }
  return { ok: false, attempts: retry.maxAttempts, reason };
}
