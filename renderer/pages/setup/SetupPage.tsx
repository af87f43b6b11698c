import { useEffect, useMemo, useReducer, useRef } from 'react';
import type { SetupState } from '../../../shared/contract';
import { api } from '../../api/client';
import { ErrorMessage } from '../../app/ErrorMessage';
import { CompaniesTable } from '../../components/CompaniesTable';
import { useApiCall } from '../../lib/use-api';
import { printDocument } from '../print/print-actions';
import { AccountStep } from './AccountStep';
import { useAppliedResult } from './applied-result';
import { ApplyResult } from './ApplyResult';
import { ApplyStep } from './ApplyStep';
import { IntegrationStep } from './IntegrationStep';
import { PrerequisiteList } from './Prerequisites';
import { SetupUnavailable } from './SetupUnavailable';
import { SheetActions } from './SheetActions';
import { APPLY_STEP, initialWizard, readyToApply, STEPS, wizardReducer, type WizardRules } from './wizard';

/** In the desktop app the menu owns Ctrl/Cmd+P; in a browser the page does, so it prints the sheet, not the page. */
function usePrintShortcut() {
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
}

/** The wizard itself: Schedule's Integrations tab, one component per step, keyboard first. */
function SetupWizard({ setup, onApplied }: { setup: SetupState; onApplied: () => void }) {
  const rules: WizardRules = useMemo(
    () => ({ maxLength: setup.passwordMaxLength, replacesPassword: setup.configured }),
    [setup.passwordMaxLength, setup.configured],
  );
  const reducer = useMemo(() => wizardReducer(rules), [rules]);
  const [state, dispatch] = useReducer(reducer, initialWizard);
  const applied = useAppliedResult();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, [state.step]);

  const submit = async () => {
    if (!readyToApply(state, rules)) return dispatch({ type: 'next' });
    dispatch({ type: 'apply-started' });
    const outcome = await api.call('setup.apply', state.values);
    if (!outcome.ok) return dispatch({ type: 'apply-failed', error: outcome.error });
    applied.keep(outcome.value);
    dispatch({ type: 'applied' });
    onApplied();
  };

  if (applied.result) {
    return <ApplyResult result={applied.result} isSandbox={setup.isSandbox} onDismiss={applied.dismiss} />;
  }
  const { step } = state;
  return (
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
          void submit();
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
            values={state.values}
            errors={state.errors}
            onChange={(values) => dispatch({ type: 'edit', values })}
          />
        ) : null}
        {step === 2 ? <IntegrationStep apiUrl={setup.apiUrl} signatureVersion={setup.signatureVersion} /> : null}
        {step === 3 ? (
          <CompaniesTable companies={setup.companies} className="data" label="Active Dynamics Companies" />
        ) : null}
        {step === APPLY_STEP ? (
          <ApplyStep
            setup={setup}
            confirmReplace={state.confirmReplace}
            onConfirmReplace={(confirmed) => dispatch({ type: 'confirm-replace', confirmed })}
            confirmError={state.errors.confirmReplace}
            applyError={state.applyError}
          />
        ) : null}
        <div className="row wizard-buttons">
          <button type="button" onClick={() => dispatch({ type: 'back' })} disabled={step === 0}>
            Back
          </button>
          <button type="submit" className="primary" disabled={state.applying}>
            {step === APPLY_STEP ? (state.applying ? 'Applying…' : 'Apply') : 'Continue'}
          </button>
        </div>
      </form>
    </>
  );
}

/** The XOi Integration Setup page: the wizard, and the setup sheet for the setup as it stands, any time. */
export function SetupPage() {
  const { state, reload } = useApiCall('setup.state', {});
  usePrintShortcut();
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
  return (
    <section aria-labelledby="page-title" className="setup-page">
      <h2 id="page-title">XOi Integration Setup</h2>
      {setup.available ? (
        <>
          <SetupWizard setup={setup} onApplied={reload} />
          <section aria-labelledby="sheet-title" className="sheet-anytime">
            <h3 id="sheet-title">Setup sheet for XOi</h3>
            <p>
              {setup.configured
                ? 'The sheet for the setup as it stands on the server (never the password). Print it or save it as PDF any time.'
                : 'The setup has not been applied yet: the sheet says so. Apply first, then send it to XOi.'}
            </p>
            <SheetActions />
          </section>
        </>
      ) : (
        <SetupUnavailable state={setup} />
      )}
    </section>
  );
}
