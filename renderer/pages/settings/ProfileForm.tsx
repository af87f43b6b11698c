import { useEffect, useRef, useState } from 'react';
import type { AppError, ConnectionTest, ProfileView } from '../../../shared/contract';
import { checkServerUrl, originOf } from '../../../shared/server-url';
import { api } from '../../api/client';
import { ErrorMessage } from '../../app/ErrorMessage';
import { Field } from '../../components/Field';

interface Values {
  name: string;
  apiUrl: string;
  userName: string;
  password: string;
}

/** Add or edit a connection profile; "Test connection" tells the failures apart before anything is saved. */
export function ProfileForm({ existing, onDone }: { existing: ProfileView | null; onDone: () => void }) {
  const [values, setValues] = useState<Values>({
    name: existing?.name ?? '',
    apiUrl: existing?.apiUrl ?? '',
    userName: existing?.userName ?? '',
    password: '',
  });
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const [test, setTest] = useState<ConnectionTest | 'running' | null>(null);
  const title = useRef<HTMLHeadingElement>(null);
  // The form opens with its title focused, so a screen reader says what it is for.
  useEffect(() => title.current?.focus(), []);
  const [saveError, setSaveError] = useState<AppError | null>(null);

  // A saved password is only ever sent to the address it was entered for: a new address needs it typed again.
  const moved =
    existing !== null &&
    existing.kind === 'server' &&
    originOf(values.apiUrl.trim()) !== null &&
    originOf(values.apiUrl.trim()) !== originOf(existing.apiUrl);

  const validate = (): boolean => {
    const next: Partial<Record<keyof Values, string>> = {};
    if (values.name.trim() === '') next.name = 'Enter a name for this connection, for example Production.';
    const url = checkServerUrl(values.apiUrl, 'Schedule API URL');
    if (!url.ok) next.apiUrl = url.message;
    if (values.userName.trim() === '') next.userName = 'Enter the Schedule administrator user name.';
    if (!existing && values.password === '')
      next.password = "Enter the administrator password (it is stored in this computer's keychain only).";
    if (moved && values.password === '')
      next.password = 'The API URL points to a new address: enter the administrator password again.';
    setErrors(next);
    return Object.keys(next).length === 0;
  };

  const runTest = async () => {
    if (!validate()) return;
    setTest('running');
    const result = await api.call('profiles.testConnection', {
      apiUrl: values.apiUrl,
      userName: values.userName,
      ...(values.password ? { password: values.password } : {}),
      ...(existing ? { profileId: existing.id } : {}),
    });
    setTest(
      result.ok
        ? result.value
        : { ok: false, code: result.error.code, message: result.error.message, nextStep: result.error.nextStep ?? '' },
    );
  };

  const save = async () => {
    if (!validate()) return;
    const result = await api.call('profiles.save', {
      ...(existing ? { id: existing.id } : {}),
      name: values.name,
      apiUrl: values.apiUrl,
      userName: values.userName,
      ...(values.password ? { password: values.password } : {}),
    });
    if (!result.ok) {
      const field = result.error.field;
      // An error that belongs to a field is shown at that field; the others under the form.
      if (field !== undefined && Object.hasOwn(values, field)) {
        setErrors({ [field]: result.error.message });
        return setSaveError(null);
      }
      return setSaveError(result.error);
    }
    setValues((current) => ({ ...current, password: '' }));
    onDone();
  };

  const set = (field: keyof Values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));
  return (
    <form
      className="profile-form"
      aria-labelledby="profile-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      noValidate
    >
      <h4 id="profile-form-title" ref={title} tabIndex={-1}>
        {existing ? `Edit the profile "${existing.name}"` : 'Add a connection profile'}
      </h4>
      <Field label="Profile name" value={values.name} onChange={set('name')} error={errors.name ?? null} />
      <Field
        label="Schedule API URL"
        value={values.apiUrl}
        onChange={set('apiUrl')}
        error={errors.apiUrl ?? null}
        hint="As shown in Schedule's Integrations tab (API URL)."
        inputMode="url"
      />
      <Field
        label="Administrator user name"
        value={values.userName}
        onChange={set('userName')}
        error={errors.userName ?? null}
        autoComplete="username"
      />
      <Field
        label="Administrator password"
        type="password"
        value={values.password}
        onChange={set('password')}
        error={errors.password ?? null}
        autoComplete="current-password"
        required={!existing || moved}
        hint={
          moved
            ? `The API URL changed to ${originOf(values.apiUrl.trim()) ?? 'another address'}: enter the password again. A saved password is only sent to the address it was entered for.`
            : existing
              ? 'Leave empty to keep the stored password.'
              : "Stored in this computer's keychain, nowhere else."
        }
      />
      <div className="row">
        <button type="button" onClick={() => void runTest()} disabled={test === 'running'}>
          Test connection
        </button>
        <button type="submit" className="primary">
          Save profile
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      {test === 'running' ? <p role="status">Testing the connection…</p> : null}
      {test && test !== 'running' ? (
        test.ok ? (
          <p role="status" className="notice ok">
            Connected: Schedule {test.scheduleVersion}, Signature {test.signatureVersion}, MobileTech{' '}
            {test.mobileTechVersion}.
          </p>
        ) : (
          <ErrorMessage
            title="Connection failed"
            error={{ code: test.code, message: test.message, nextStep: test.nextStep }}
          />
        )
      ) : null}
      {saveError ? <ErrorMessage title="Not saved" error={saveError} /> : null}
    </form>
  );
}
