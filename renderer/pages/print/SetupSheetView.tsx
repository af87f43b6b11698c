import { formatDateTime } from '../../app/format';
import { useApiCall } from '../../lib/use-api';
import { CompaniesTable } from '../../components/CompaniesTable';
import { usePrintReady } from './usePrintReady';

/**
 * The setup sheet for XOi Technologies: everything from the Integrations tab that XOi needs, never the password.
 * The company table repeats its header on every printed page and never splits a row.
 */
export function SetupSheetView({ query }: { query: URLSearchParams }) {
  const { state } = useApiCall('sheet.data', {});
  usePrintReady(state, query);
  if (state.status === 'loading') return <p role="status">Preparing the setup sheet…</p>;
  if (state.status === 'error') return <p role="alert">The setup sheet could not be prepared: {state.error.message}</p>;
  const sheet = state.value;
  return (
    <article className="print-page setup-sheet">
      <header>
        <p className="print-product">XOi Console</p>
        <h1>XOi Integration Setup sheet</h1>
        <p>
          For XOi Technologies · Customer: <strong>{sheet.customer}</strong>
        </p>
        <p>
          Printed {formatDateTime(sheet.printedAt)} ({sheet.timeZone})
        </p>
      </header>
      <section>
        <h2>Account Detail</h2>
        <dl className="print-facts">
          <dt>User Name</dt>
          <dd>{sheet.userName}</dd>
          <dt>Password</dt>
          <dd>
            Never printed. It reaches XOi by a separate secure channel (for example a phone call or a password manager
            share).
          </dd>
        </dl>
      </section>
      <section>
        <h2>Integration Details</h2>
        <dl className="print-facts">
          <dt>API URL</dt>
          <dd>{sheet.apiUrl}</dd>
          <dt>Signature Version</dt>
          <dd>{sheet.signatureVersion}</dd>
          <dt>Schedule version</dt>
          <dd>{sheet.scheduleVersion}</dd>
          <dt>MobileTech version</dt>
          <dd>{sheet.mobileTechVersion}</dd>
          <dt>Integration configured</dt>
          <dd>
            {sheet.configured
              ? `Yes, password last set ${formatDateTime(sheet.passwordSetAt)}`
              : 'No (the setup has not been applied)'}
          </dd>
        </dl>
      </section>
      <section>
        <h2>Checklist for XOi</h2>
        <ul className="print-checklist">
          {sheet.checklist.map((item) => (
            <li key={item.id}>
              <span aria-hidden="true">{item.met ? '☑' : '☐'}</span> {item.label}:{' '}
              <strong>{item.met ? 'met' : 'NOT met'}</strong> ({item.detail})
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2>Active Dynamics Companies ({sheet.companies.length})</h2>
        <CompaniesTable companies={sheet.companies} className="print-table" />
      </section>
      <footer className="print-footer">XOi Console setup sheet · the integration password is never printed.</footer>
    </article>
  );
}
