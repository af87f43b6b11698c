import type { AppError, SetupState } from '../../../shared/contract';
import { ErrorMessage } from '../../app/ErrorMessage';
import { formatDateTime } from '../../app/format';

/** Apply: what will happen, in a summary, and a confirmation when it replaces a password XOi uses. */
export function ApplyStep(props: {
  setup: SetupState;
  confirmReplace: boolean;
  onConfirmReplace: (confirmed: boolean) => void;
  confirmError: string | undefined;
  applyError: AppError | null;
}) {
  const { setup } = props;
  return (
    <div>
      <dl className="apply-summary" aria-label="What Apply will do">
        <dt>User Name</dt>
        <dd>{setup.userName}</dd>
        <dt>API URL</dt>
        <dd>{setup.apiUrl}</dd>
        <dt>Active companies</dt>
        <dd>{setup.companies.length}</dd>
        <dt>On the server</dt>
        <dd>
          {setup.configured
            ? `Replaces the integration password set ${formatDateTime(setup.passwordSetAt)}.`
            : 'Creates the hidden XOi user and the two hidden XOi roles, and sets the integration password.'}
        </dd>
        <dt>On this computer</dt>
        <dd>Stores the password in this computer's keychain, nowhere else.</dd>
      </dl>
      {setup.configured ? (
        <div className="field checkbox-field">
          <div className="row">
            <input
              id="confirm-replace"
              type="checkbox"
              checked={props.confirmReplace}
              aria-invalid={props.confirmError ? true : undefined}
              aria-describedby={props.confirmError ? 'confirm-replace-error' : 'confirm-replace-hint'}
              onChange={(event) => props.onConfirmReplace(event.target.checked)}
            />
            <label htmlFor="confirm-replace">Replace the current password</label>
          </div>
          <span id="confirm-replace-hint" className="hint">
            XOi's polls fail from the moment you apply until XOi has the new password.
          </span>
          {props.confirmError ? (
            <span id="confirm-replace-error" className="field-error" role="alert">
              {props.confirmError}
            </span>
          ) : null}
        </div>
      ) : null}
      {props.applyError ? <ErrorMessage error={props.applyError} title="The setup was not applied" /> : null}
    </div>
  );
}
