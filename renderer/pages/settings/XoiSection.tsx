import { ErrorMessage } from '../../app/ErrorMessage';
import { formatDateTime } from '../../app/format';
import { useApiCall } from '../../app/use-api';

/** The XOi API connection's state (credentials are entered here once XOi's API is connected). */
export function XoiSection() {
  const { state } = useApiCall('xoi.status', {});
  return (
    <section aria-labelledby="xoi-title">
      <h3 id="xoi-title">XOi connection</h3>
      {state.status === 'error' ? <ErrorMessage error={state.error} /> : null}
      {state.status === 'ready' ? (
        state.value.configured ? (
          <p>
            Connected ({state.value.environment}). Last check {formatDateTime(state.value.lastCheckAt)}, {state.value.userCount ?? 0} XOi users.
          </p>
        ) : (
          <p>Not connected: the console infers who is an XOi user from the notes XOi writes.</p>
        )
      ) : null}
    </section>
  );
}
