import { ErrorMessage } from '../app/ErrorMessage';
import { formatDateTime } from '../app/format';
import { useMirrorQuery } from '../lib/use-mirror';
import { TableHead } from '../components/TableHead';

const XOI_STATE: Record<string, string> = {
  ok: 'XOi user',
  'no-email': 'No email in MobileTech',
  'not-user': 'Not an XOi user',
  disabled: 'XOi user disabled',
  mismatch: 'Email differs by case or spaces',
  unknown: 'Unknown',
};

/** Per technician: eligible appointments, how many got their job notes, and the XOi user status at a glance. */
export function TechniciansPage() {
  const { state } = useMirrorQuery('technicians.list', {});
  return (
    <section aria-labelledby="page-title">
      <h2 id="page-title">Technicians</h2>
      {state.status === 'error' ? <ErrorMessage error={state.error} /> : null}
      {state.status === 'ready' ? (
        <table className="data" aria-label="Technicians">
          <TableHead
            columns={[
              'Technician',
              'MobileTech email',
              'XOi user email',
              'XOi user status',
              'Eligible appointments',
              'With job notes',
              'Last device sync',
            ]}
          />
          <tbody>
            {state.value.map((technician) => (
              <tr key={technician.id} className={technician.xoiState === 'ok' ? '' : 'attention'}>
                <td>
                  <a href={`#/appointments?technician=${encodeURIComponent(technician.id)}`}>{technician.name}</a>
                </td>
                <td>
                  <code>
                    {technician.mobileTechEmail === null ? '(none)' : JSON.stringify(technician.mobileTechEmail)}
                  </code>
                </td>
                <td>{technician.xoiEmail === null ? '—' : <code>{JSON.stringify(technician.xoiEmail)}</code>}</td>
                <td>
                  <span aria-hidden="true">
                    {technician.xoiState === 'ok' ? '✔ ' : technician.xoiState === 'unknown' ? '? ' : '⚠ '}
                  </span>
                  {XOI_STATE[technician.xoiState]}
                  {technician.certainty === 'likely' ? ' (likely)' : ''}
                </td>
                <td>{technician.eligible}</td>
                <td>{technician.withJobNotes}</td>
                <td>{formatDateTime(technician.lastDeviceSyncAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
