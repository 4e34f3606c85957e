/** Changing one's own password: what the form checks before asking the server, and the request. */
import { api } from './api.js';

/** The fields of the password form. */
export interface PasswordForm {
  current: string;
  next: string;
  repeat: string;
}

/** Shortest password the server takes (it also refuses common and breached ones). */
export const minPasswordLength = 12;

/** What is wrong with the form before it is sent, in words, or null when it may go. */
export function passwordFormProblem(form: PasswordForm): string | null {
  if (!form.current) return 'Enter your current password.';
  if (form.next.length < minPasswordLength)
    return `The new password needs at least ${minPasswordLength} characters.`;
  if (form.next !== form.repeat) return 'The two new passwords differ.';
  if (form.next === form.current) return 'The new password is the same as the current one.';
  return null;
}

/** Asks the server to change the password; its refusal (a common password…) comes back as `ApiError`. */
export function changePassword(form: PasswordForm): Promise<{ sessionsEnded: number }> {
  return api('/api/me/password', {
    method: 'POST',
    body: { current: form.current, next: form.next },
  });
}

/** A server message for the form, without the API's "invalid body at …" prefix. */
export function passwordServerMessage(message: string): string {
  const m = /^invalid body at (next|current): (.*)$/.exec(message);
  if (!m) return message.replace(/^current: /, '');
  const text = `${m[2]}`;
  return `${m[1] === 'next' ? 'The new password' : 'The current password'} ${text}`;
}
