import { useId, useState } from 'react';
import { XOI_ENDPOINTS, type AppError, type XoiStatus } from '../../../shared/contract';
import { originsOf } from '../../../shared/server-url';
import { api } from '../../api/client';
import { ErrorMessage } from '../../app/ErrorMessage';
import { formatDateTime } from '../../app/format';
import { useApiCall } from '../../lib/use-api';
import { useMirrorQuery } from '../../lib/use-mirror';
import { Field } from '../../components/Field';

type Environment = 'test' | 'production' | 'custom' | 'sandbox';

/** XOi's API credentials (kept in the keychain) and the state of the last check of XOi's users. */
export function XoiSection() {
  const { state, reload } = useMirrorQuery('xoi.status', {});
  const profiles = useApiCall('profiles.list', {});
  const id = useId();
  const [environment, setEnvironment] = useState<Environment | null>(null);
  const [urls, setUrls] = useState({ tokenUrl: '', usersUrl: '', jobsUrl: '' });
  const [apiKey, setApiKey] = useState('');
  const [apiSecret, setApiSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const isSandbox =
    profiles.state.status === 'ready' &&
    profiles.state.value.profiles.find((profile) => profile.active)?.kind === 'sandbox';
  const current: XoiStatus | null = state.status === 'ready' ? state.value : null;
  const chosen: Environment = environment ?? current?.environment ?? (isSandbox ? 'sandbox' : 'production');

  const chosenUrls =
    chosen === 'custom' ? urls : chosen === 'sandbox' ? null : XOI_ENDPOINTS[chosen as 'test' | 'production'];
  const savedOrigins = current?.configured
    ? originsOf([current.tokenUrl ?? '', current.usersUrl ?? '', current.jobsUrl ?? ''])
    : [];
  // Saved XOi credentials only go to the addresses they were entered for: new endpoints need them typed again.
  const moved =
    chosenUrls !== null &&
    savedOrigins.length > 0 &&
    originsOf([chosenUrls.tokenUrl, chosenUrls.usersUrl, chosenUrls.jobsUrl]).some(
      (origin) => !savedOrigins.includes(origin),
    );

  const run = async (call: () => Promise<{ ok: true; value: XoiStatus } | { ok: false; error: AppError }>) => {
    setBusy(true);
    const result = await call();
    setBusy(false);
    setError(result.ok ? null : result.error);
    if (result.ok) {
      setApiKey('');
      setApiSecret('');
    }
    reload();
  };

  return (
    <section aria-labelledby="xoi-title">
      <h3 id="xoi-title">XOi connection</h3>
      <p>
        With XOi's API key and secret the console checks for itself which technicians are XOi users, instead of
        inferring it.
      </p>
      {current ? (
        <p role="status" data-testid="xoi-status">
          {current.configured
            ? `Connected (${current.environment}). Last check ${formatDateTime(current.lastCheckAt)}${current.userCount === null ? '' : `: ${current.userCount} XOi users`}.`
            : 'Not connected: who is an XOi user is inferred from the notes XOi writes.'}
        </p>
      ) : null}
      {current?.error ? <ErrorMessage title="Last XOi check failed" error={current.error} /> : null}
      {state.status === 'error' ? <ErrorMessage error={state.error} /> : null}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run(() =>
            api.call('xoi.save', {
              environment: chosen,
              ...(chosen === 'custom' ? urls : {}),
              ...(apiKey ? { apiKey } : {}),
              ...(apiSecret ? { apiSecret } : {}),
            }),
          );
        }}
        noValidate
      >
        <div className="field">
          <label htmlFor={`${id}-env`}>XOi environment</label>
          <select
            id={`${id}-env`}
            value={chosen}
            onChange={(event) => setEnvironment(event.target.value as Environment)}
          >
            {isSandbox ? <option value="sandbox">Sandbox (simulated XOi)</option> : null}
            <option value="production">Production</option>
            <option value="test">Test (staging)</option>
            <option value="custom">Custom URLs</option>
          </select>
        </div>
        {chosen === 'custom' ? (
          <>
            <Field
              label="Token URL"
              value={urls.tokenUrl}
              onChange={(event) => setUrls({ ...urls, tokenUrl: event.target.value })}
            />
            <Field
              label="Users GraphQL URL"
              value={urls.usersUrl}
              onChange={(event) => setUrls({ ...urls, usersUrl: event.target.value })}
            />
            <Field
              label="Jobs GraphQL URL"
              value={urls.jobsUrl}
              onChange={(event) => setUrls({ ...urls, jobsUrl: event.target.value })}
            />
          </>
        ) : null}
        {chosen === 'sandbox' ? null : (
          <>
            <Field
              label="XOi API key"
              type="password"
              autoComplete="off"
              value={apiKey}
              onChange={(event) => setApiKey(event.target.value)}
              required={moved}
              hint={
                moved
                  ? 'The XOi endpoints changed: enter the API key and secret again. Saved XOi credentials are only sent to the addresses they were entered for.'
                  : 'Leave empty to keep the stored key.'
              }
            />
            <Field
              label="XOi API secret"
              type="password"
              autoComplete="off"
              value={apiSecret}
              onChange={(event) => setApiSecret(event.target.value)}
              required={moved}
              hint="Stored in this computer's keychain, nowhere else."
            />
          </>
        )}
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>
            Save XOi connection
          </button>
          <button
            type="button"
            disabled={busy || !current?.configured}
            onClick={() => void run(() => api.call('xoi.check', {}))}
          >
            Check XOi users now
          </button>
        </div>
      </form>
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
