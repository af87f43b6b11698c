import { useState } from 'react';
import type { AppError, SetupResult } from '../../../shared/contract';
import { api } from '../../api/client';
import { ErrorMessage } from '../../app/ErrorMessage';
import { formatDateTime } from '../../app/format';
import { SheetActions } from './SheetActions';

/** What the setup did, and the steps after: the sheet to XOi, the password by another channel. Stays until dismissed. */
export function ApplyResult(props: { result: SetupResult; isSandbox: boolean; onDismiss: () => void }) {
  const { result } = props;
  const [told, setTold] = useState<'no' | 'yes' | AppError>('no');
  const [sent, setSent] = useState<'no' | 'yes' | AppError>('no');
  const effect = result.createdUser
    ? `Created the hidden XOi user and ${result.createdRoles} hidden XOi roles, and set the integration password.`
    : `Updated the integration password (the hidden XOi user and roles already existed${result.createdRoles > 0 ? `; ${result.createdRoles} missing roles were created` : ''}).`;
  return (
    <section aria-labelledby="setup-done" className="setup-done">
      <h3 id="setup-done" tabIndex={-1}>
        Setup applied
      </h3>
      <p role="status">
        {effect} Password set {formatDateTime(result.passwordSetAt)}.
      </p>
      <p>
        {result.storedInKeychain
          ? "The integration password is stored in this computer's keychain."
          : `The integration password is not stored on this computer: ${result.keychainProblem ?? 'the keychain refused it'}`}
      </p>
      {result.passwordChanged ? (
        <p className="notice" role="alert">
          The password changed. Tell XOi Technologies the new password by a separate secure channel, or XOi's polls will
          fail and notes will stop arriving.
        </p>
      ) : null}
      <h4>Next: send the setup sheet to XOi</h4>
      <p>The sheet carries everything XOi needs except the password, which goes by a separate secure channel.</p>
      <SheetActions primary />
      {props.isSandbox ? (
        <div className="sandbox-tell">
          <p>On the sandbox, the simulated XOi only learns the new password when you send it:</p>
          <button
            type="button"
            onClick={() => void api.call('setup.tellSandboxXoi', {}).then((r) => setTold(r.ok ? 'yes' : r.error))}
          >
            Send the password to the simulated XOi
          </button>
          {told === 'yes' ? <p role="status">The simulated XOi now uses the new password.</p> : null}
          {told !== 'yes' && told !== 'no' ? <ErrorMessage error={told} /> : null}
        </div>
      ) : null}
      <div className="row setup-done-buttons">
        <button
          type="button"
          onClick={() =>
            void api.call('setup.markSheetSent', { sent: true }).then((r) => setSent(r.ok ? 'yes' : r.error))
          }
          disabled={sent === 'yes'}
        >
          I have sent the sheet and the password to XOi
        </button>
        <button type="button" onClick={props.onDismiss}>
          Done
        </button>
      </div>
      {sent === 'yes' ? <p role="status">Noted: the first-run checklist counts the sheet as sent.</p> : null}
      {sent !== 'yes' && sent !== 'no' ? <ErrorMessage error={sent} /> : null}
    </section>
  );
}
