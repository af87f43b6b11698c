import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_STEP,
  APPLY_STEP,
  initialWizard,
  readyToApply,
  wizardReducer,
  type WizardAction,
  type WizardRules,
  type WizardState,
} from '../../renderer/pages/setup/wizard';

const replacing: WizardRules = { maxLength: 64, replacesPassword: true };
const fresh: WizardRules = { maxLength: 64, replacesPassword: false };

function run(rules: WizardRules, actions: WizardAction[], from: WizardState = initialWizard): WizardState {
  return actions.reduce(wizardReducer(rules), from);
}

const good = { password: 'A-good-password-42', confirmPassword: 'A-good-password-42' };

describe('the setup wizard', () => {
  it('stays on Account Detail with each field its own error, then checks as the administrator types', () => {
    const stuck = run(fresh, [
      { type: 'next' },
      { type: 'edit', values: { password: 'x'.repeat(70), confirmPassword: 'x'.repeat(70) } },
      { type: 'next' },
    ]);
    expect(stuck.step).toBe(ACCOUNT_STEP);
    expect(stuck.errors).toEqual({ password: 'The password is too long: the server allows at most 64 characters.' });
    const typing = run(
      fresh,
      [{ type: 'edit', values: { password: 'short-enough', confirmPassword: 'x'.repeat(70) } }],
      stuck,
    );
    expect(typing.errors).toEqual({ confirmPassword: "The passwords don't match." });
  });

  it('walks to Apply and asks to confirm a replacement before it is ready', () => {
    const atApply = run(replacing, [
      { type: 'next' },
      { type: 'edit', values: good },
      { type: 'next' },
      { type: 'next' },
      { type: 'next' },
    ]);
    expect(atApply.step).toBe(APPLY_STEP);
    expect(readyToApply(atApply, replacing)).toBe(false);
    const refused = run(replacing, [{ type: 'next' }], atApply);
    expect(refused.errors.confirmReplace).toMatch(/Confirm that Apply replaces/);
    const confirmed = run(replacing, [{ type: 'confirm-replace', confirmed: true }], refused);
    expect(readyToApply(confirmed, replacing)).toBe(true);
    expect(readyToApply(atApply, fresh)).toBe(true);
  });

  it("sends a server's refusal of a field back to that field, and anything else to the Apply step", () => {
    const atApply = run(fresh, [
      { type: 'next' },
      { type: 'edit', values: good },
      { type: 'next' },
      { type: 'next' },
      { type: 'next' },
      { type: 'apply-started' },
    ]);
    const field = run(
      fresh,
      [
        {
          type: 'apply-failed',
          error: { code: 'PASSWORD_TOO_LONG', message: 'Password: too long.', field: 'password' },
        },
      ],
      atApply,
    );
    expect(field).toMatchObject({ step: ACCOUNT_STEP, applying: false, errors: { password: 'Password: too long.' } });
    const other = run(
      fresh,
      [{ type: 'apply-failed', error: { code: 'SCHEDULE_UNREACHABLE', message: 'No answer.' } }],
      atApply,
    );
    expect(other).toMatchObject({ step: APPLY_STEP, applying: false, applyError: { code: 'SCHEDULE_UNREACHABLE' } });
    expect(run(fresh, [{ type: 'applied' }], other)).toEqual(initialWizard);
  });
});
