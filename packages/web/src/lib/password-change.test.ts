import { describe, expect, it } from 'vitest';
import { passwordFormProblem, passwordServerMessage } from './password-change.js';

describe('the password form', () => {
  it('says what is wrong before anything is sent', () => {
    const ok = {
      current: 'old password here',
      next: 'gravel lantern okapi',
      repeat: 'gravel lantern okapi',
    };
    expect(passwordFormProblem(ok)).toBeNull();
    expect(passwordFormProblem({ ...ok, current: '' })).toBe('Enter your current password.');
    expect(passwordFormProblem({ ...ok, next: 'short', repeat: 'short' })).toMatch(/at least 12/);
    expect(passwordFormProblem({ ...ok, repeat: 'gravel lantern okapj' })).toMatch(/differ/);
    expect(passwordFormProblem({ ...ok, current: ok.next })).toMatch(/same as the current/);
  });

  it('shows the server’s refusal of a common password in plain words', () => {
    expect(
      passwordServerMessage(
        'invalid body at next: is too common: it is on a list of 49,233 passwords seen in breaches',
      ),
    ).toBe('The new password is too common: it is on a list of 49,233 passwords seen in breaches');
    expect(passwordServerMessage('current: the current password is wrong')).toBe(
      'the current password is wrong',
    );
  });
});
