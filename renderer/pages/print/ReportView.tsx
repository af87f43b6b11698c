import { formatDateTime } from '../../app/format';
import { useApiCall } from '../../lib/use-api';
import { Timeline, VerdictPanel } from '../../components/VerdictView';
import { usePrintReady } from './usePrintReady';
import { TableHead } from '../../components/TableHead';

/** The troubleshooting report of one appointment: verdict, evidence, timeline and notes, on paper. */
export function ReportView({ appointmentKey, query }: { appointmentKey: string; query: URLSearchParams }) {
  const { state } = useApiCall('appointments.detail', { key: appointmentKey });
  usePrintReady(state, query);
  if (state.status === 'loading') return <p role="status">Preparing the report…</p>;
  if (state.status === 'error') return <p role="alert">The report could not be prepared: {state.error.message}</p>;
  const detail = state.value;
  return (
    <article className="print-page report">
      {/* The table's head repeats on every printed page: the appointment's key on each sheet of paper. */}
      <table className="print-frame" role="presentation">
        <thead>
          <tr>
            <td>
              <p className="print-running-head">XOi notes troubleshooting report · Appointment {detail.row.key}</p>
            </td>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>
              <header>
                <p className="print-product">XOi Console</p>
                <h1>XOi notes troubleshooting report</h1>
                <p>
                  Appointment <strong>{detail.row.key}</strong> · {detail.row.customer} ·{' '}
                  {detail.companyName ?? detail.row.company}
                </p>
                <p>
                  Status {detail.row.status} · technician{' '}
                  {detail.technician ? `${detail.technician.name} (${detail.technician.email ?? 'no email'})` : 'none'}{' '}
                  · task date {formatDateTime(detail.row.taskDate)}
                </p>
                <p>
                  Diagnosed {formatDateTime(detail.diagnosedAt)} ({Intl.DateTimeFormat().resolvedOptions().timeZone})
                </p>
              </header>
              <VerdictPanel verdict={detail.verdict} level={2} />
              <h2>Timeline</h2>
              <Timeline events={detail.timeline} />
              <h2>Notes</h2>
              <table className="print-table">
                <TableHead columns={['Note', 'Written', 'Text']} />
                <tbody>
                  {detail.notes.map((note) => (
                    <tr key={note.id}>
                      <td>{note.name}</td>
                      <td>{formatDateTime(note.createdAt)}</td>
                      <td className="note-text">
                        {note.text.length > 600 ? `${note.text.slice(0, 600)}…` : note.text}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {detail.deepLink ? <p>XOi Vision link: {detail.deepLink}</p> : null}
            </td>
          </tr>
        </tbody>
      </table>
    </article>
  );
}
