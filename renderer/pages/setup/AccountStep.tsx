import { passwordStrength } from '../../../shared/setup/password-rules';
import { Field } from '../../components/Field';
import { formatDateTime } from '../../app/format';

import type { AccountValues } from './wizard';

export function AccountStep(props: {
  userName: string;
  configured: boolean;
  passwordSetAt: string | null;
  maxLength: number;
  values: AccountValues;
  errors: Partial<Record<keyof AccountValues, string>>;
  onChange: (values: AccountValues) => void;
}) {
  const strength = props.values.password === '' ? null : passwordStrength(props.values.password);
  return (
    <>
      {props.configured ? (
        <p className="notice" role="note">
          The integration is already configured (password last set {formatDateTime(props.passwordSetAt)}). Applying a
          new password replaces it: XOi must be told the new one, or its polls will fail.
        </p>
      ) : null}
      <Field label="User Name" value={props.userName} readOnly hint="The integration user (set by Schedule)." />
      <Field
        label="Password"
        type="password"
        autoComplete="new-password"
        value={props.values.password}
        onChange={(event) => props.onChange({ ...props.values, password: event.target.value })}
        error={props.errors.password ?? null}
        hint={strength ? `Strength: ${strength.label}. ${strength.hint}` : `Up to ${props.maxLength} characters.`}
      />
      <Field
        label="Confirm Password"
        type="password"
        autoComplete="new-password"
        value={props.values.confirmPassword}
        onChange={(event) => props.onChange({ ...props.values, confirmPassword: event.target.value })}
        error={props.errors.confirmPassword ?? null}
        hint="The same password again. Both fields take any length, so a pasted password is never cut."
      />
    </>
  );
}
