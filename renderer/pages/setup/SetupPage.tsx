import { useEffect, useRef, useState } from 'react';
import type { AppError, SetupResult } from '../../../shared/contract';
import { checkIntegrationPassword } from '../../../shared/setup/password-rules';
import { api } from '../../api/client';
import { ErrorMessage } from '../../app/ErrorMessage';
import { useApiCall } from '../../lib/use-api';
import { AccountStep, type AccountValues } from './AccountStep';
import { ApplyResult } from './ApplyResult';
import { PrerequisiteList } from './Prerequisites';
import { SetupUnavailable } from './SetupUnavailable';
import { printDocument } from '../print/print-actions';
import { CompaniesTable } from '../../components/CompaniesTable';

const STEPS = ['Prerequisites', 'Account Detail', 'Integration Details', 'Active Dynamics Companies', 'Apply'] as const;

/** The XOi Integration Setup: Schedule's Integrations tab, step by step, keyboard first. */
export function SetupPage() {
  const { state, reload } = useApiCall('setup.state', {});
  const [step, setStep] = useState(0);
  const [values, setValues] = useState<AccountValues>({ password: '', confirmPassword: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof AccountValues, string>>>({});
  const [applying, setApplying] = useState(false);
  const [applyError, setApplyError] = useState<AppError | null>(null);
  const [result, setResult] = useState<SetupResult | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, [step, result, state.status]);

  // In the desktop app the menu owns Ctrl/Cmd+P; in a browser the page does, so it prints the sheet, not the page.
  useEffect(() => {
    if (window.xoiConsole) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'p') {
        event.preventDefault();
        void printDocument({ kind: 'setup-sheet', mode: 'print' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (state.status === 'loading') return <p role="status">Reading the setup from the Schedule server…</p>;
  if (state.status === 'error') {
    return (
      <section aria-labelledby="page-title">
        <h2 id="page-title">XOi Integration Setup</h2>
        <ErrorMessage error={state.error} title="The setup could not be read" />
        <button type="button" onClick={reload}>
          Try again
        </button>
      </section>
    );
  }
  const setup = state.value;
  if (!setup.available) {
    return (
      <section aria-labelledby="page-title">
        <h2 id="page-title">XOi Integration Setup</h2>
        <SetupUnavailable state={setup} />
      </section>
    );
  }

  const validateAccount = (): boolean => {
    const problems = checkIntegrationPassword(values.password, values.confirmPassword, setup.passwordMaxLength);
    const next: Partial<Record<keyof AccountValues, string>> = {};
    for (const problem of problems) next[problem.field] ??= problem.message;
    setErrors(next);
    return problems.length === 0;
  };

  const apply = async () => {
    if (!validateAccount()) {
      setStep(1);
      return;
    }
    setApplying(true);
    setApplyError(null);
    const outcome = await api.call('setup.apply', values);
    setApplying(false);
    if (!outcome.ok) {
      if (outcome.error.code === 'PASSWORD_MISMATCH') {
        setErrors({ confirmPassword: "The passwords don't match." });
        setStep(1);
      } else if (outcome.error.code === 'PASSWORD_EMPTY' || outcome.error.code === 'PASSWORD_TOO_LONG') {
        setErrors({ password: outcome.error.message.replace(/^Password: /, '') });
        setStep(1);
      } else {
        setApplyError(outcome.error);
      }
      return;
    }
    setValues({ password: '', confirmPassword: '' });
    setResult(outcome.value);
    reload();
  };

  const next = () => {
    if (step === 1 && !validateAccount()) return;
    if (step === STEPS.length - 1) void apply();
    else setStep(step + 1);
  };

  return (
    <section aria-labelledby="page-title" className="setup-page">
      <h2 id="page-title">XOi Integration Setup</h2>
      {result ? (
        <ApplyResult result={result} isSandbox={setup.isSandbox} />
      ) : (
        <>
          <ol className="wizard-steps" aria-label="Setup steps">
            {STEPS.map((label, index) => (
              <li
                key={label}
                aria-current={index === step ? 'step' : undefined}
                className={index < step ? 'done' : undefined}
              >
                {label}
              </li>
            ))}
          </ol>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              next();
            }}
            noValidate
          >
            <h3 ref={heading} tabIndex={-1}>
              Step {step + 1} of {STEPS.length}: {STEPS[step]}
            </h3>
            {step === 0 ? <PrerequisiteList items={setup.prerequisites} /> : null}
            {step === 1 ? (
              <AccountStep
                userName={setup.userName}
                configured={setup.configured}
                passwordSetAt={setup.passwordSetAt}
                maxLength={setup.passwordMaxLength}
                values={values}
                errors={errors}
                onChange={setValues}
              />
            ) : null}
            {step === 2 ? (
              <>
                <div className="field">
                  <label htmlFor="api-url">API URL</label>
                  <input id="api-url" value={setup.apiUrl} readOnly />
                </div>
                <div className="field">
                  <label htmlFor="signature-version">Signature Version</label>
                  <input id="signature-version" value={setup.signatureVersion} readOnly />
                </div>
              </>
            ) : null}
            {step === 3 ? (
              <CompaniesTable companies={setup.companies} className="data" label="Active Dynamics Companies" />
            ) : null}
            {step === 4 ? (
              <div>
                <p>
                  Applying sets the integration password on the Schedule server
                  {setup.configured ? '' : ', creating the hidden XOi user and the two hidden XOi roles'}, and stores
                  the password in this computer's keychain.
                </p>
                {applyError ? <ErrorMessage error={applyError} title="The setup was not applied" /> : null}
              </div>
            ) : null}
            <div className="row wizard-buttons">
              <button type="button" onClick={() => setStep(Math.max(0, step - 1))} disabled={step === 0}>
                Back
              </button>
              <button type="submit" className="primary" disabled={applying}>
                {step === STEPS.length - 1 ? (applying ? 'Applying…' : 'Apply') : 'Continue'}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
