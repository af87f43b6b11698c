import { useState } from 'react';
import type { AppError, SetupResult } from '../../../shared/contract';
import { api } from '../../api/client';
import { ErrorMessage } from '../../app/ErrorMessage';
import { formatDateTime } from '../../app/format';
import { printDocument } from '../print/print-actions';

/** What the setup did, and the step after: the setup sheet for XOi. */
export function ApplyResult({ result, isSandbox }: { result: SetupResult; isSandbox: boolean }) {
  const [told, setTold] = useState<'no' | 'yes' | AppError>('no');
  const [printError, setPrintError] = useState<AppError | null>(null);
  const effect = result.createdUser
    ? `Created the hidden XOi user and ${result.createdRoles} hidden XOi roles, and set the integration password.`
    : `Updated the integration password (the hidden XOi user and roles already existed${result.createdRoles > 0 ? `; ${result.createdRoles} missing roles were created` : ''}).`;
  const print = async (mode: 'print' | 'pdf') => setPrintError(await printDocument({ kind: 'setup-sheet', mode }));
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
          ? 'The integration password is stored in the operating system keychain.'
          : `The password is not stored on this computer: ${result.keychainProblem ?? ''}`}
      </p>
      {result.passwordChanged ? (
        <p className="notice" role="alert">
          The password changed. Tell XOi Technologies the new password by a separate secure channel, or XOi's polls will
          fail and notes will stop arriving.
        </p>
      ) : null}
      <h4>Next: send the setup sheet to XOi</h4>
      <p>The sheet carries everything XOi needs except the password, which goes by a separate secure channel.</p>
      <div className="row">
        <button type="button" className="primary" onClick={() => void print('print')}>
          Print setup sheet
        </button>
        <button type="button" onClick={() => void print('pdf')}>
          Save setup sheet as PDF
        </button>
      </div>
      {printError ? <ErrorMessage error={printError} title="Printing failed" /> : null}
      {isSandbox ? (
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
    </section>
  );
}
