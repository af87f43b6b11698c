import { useRef, useState } from 'react';
import type { AppError } from '../../../shared/contract';
import { api } from '../../api/client';
import { ErrorMessage } from '../../app/ErrorMessage';
import { formatDateTime } from '../../app/format';
import { useApiCall } from '../../lib/use-api';
import { useMirrorQuery } from '../../lib/use-mirror';
import { ExternalLink } from '../../components/ExternalLink';
import { NoteText } from '../../components/NoteText';
import { Timeline, VerdictPanel } from '../../components/VerdictView';
import { printDocument } from '../print/print-actions';

function DeepLink({ link }: { link: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(link);
      setCopied('Copied.');
    } catch {
      setCopied('Selected: press Ctrl+C (Cmd+C on a Mac) to copy.');
    }
  };
  return (
    <div className="field">
      <label htmlFor="deep-link">XOi Vision link (opens the job in the Vision mobile app)</label>
      <div className="row">
        <input id="deep-link" ref={input} value={link} readOnly size={60} />
        <button type="button" onClick={() => void copy()}>
          Copy link
        </button>
      </div>
      {copied ? <span role="status">{copied}</span> : null}
    </div>
  );
}

/** Asks XOi's own API whether Vision has a job for this appointment (when the XOi connection is set up). */
function XoiJobCheck({ appointmentKey }: { appointmentKey: string }) {
  const xoi = useApiCall('xoi.status', {});
  const [answer, setAnswer] = useState<
    | { ok: true; value: { found: boolean; jobId: string | null; visionWeb: string | null; lookedUpBy: string | null } }
    | { ok: false; error: AppError }
    | null
  >(null);
  if (xoi.state.status !== 'ready' || !xoi.state.value.configured) return null;
  return (
    <div className="xoi-job">
      <button type="button" onClick={() => void api.call('xoi.job', { key: appointmentKey }).then(setAnswer)}>
        Check the job in XOi
      </button>
      {answer?.ok === true ? (
        <p role="status">
          {answer.value.found
            ? `XOi has job ${answer.value.jobId ?? ''} for this appointment (found by ${answer.value.lookedUpBy === 'work-order' ? 'work order' : 'the integration id'}).`
            : 'XOi has no job for this appointment.'}
          {answer.value.visionWeb ? (
            <>
              {' '}
              <ExternalLink url={answer.value.visionWeb}>Open in Vision</ExternalLink>
            </>
          ) : null}
        </p>
      ) : null}
      {answer?.ok === false ? <ErrorMessage error={answer.error} /> : null}
    </div>
  );
}

export function AppointmentDetailPage({ appointmentKey }: { appointmentKey: string }) {
  const { state, reload } = useMirrorQuery('appointments.detail', { key: appointmentKey });
  const [printError, setPrintError] = useState<AppError | null>(null);
  const print = async (mode: 'print' | 'pdf') =>
    setPrintError(await printDocument({ kind: 'report', key: appointmentKey, mode }));
  return (
    <section aria-labelledby="page-title" className="appointment-detail">
      <p>
        <a href="#/appointments">← All appointments</a>
      </p>
      <h2 id="page-title">Appointment {appointmentKey}</h2>
      {state.status === 'loading' ? <p role="status">Diagnosing…</p> : null}
      {state.status === 'error' ? <ErrorMessage error={state.error} /> : null}
      {state.status === 'ready' ? (
        <>
          <p className="subtitle">
            {state.value.row.customer} · {state.value.companyName ?? state.value.row.company} · status{' '}
            {state.value.row.status} ·{' '}
            {state.value.technician ? `technician ${state.value.technician.name}` : 'no technician'}
          </p>
          <div className="row">
            <button type="button" className="primary" onClick={() => void print('print')}>
              Print report
            </button>
            <button type="button" onClick={() => void print('pdf')}>
              Save report as PDF
            </button>
            <button type="button" onClick={reload}>
              Diagnose again
            </button>
          </div>
          {printError ? <ErrorMessage error={printError} title="Printing failed" /> : null}
          <VerdictPanel verdict={state.value.verdict} />
          <h3>Timeline</h3>
          <Timeline events={state.value.timeline} />
          <h3>Notes</h3>
          {state.value.notes.length === 0 ? <p>No notes on this appointment.</p> : null}
          <ul className="notes-list">
            {state.value.notes.map((note) => (
              <li key={note.id}>
                <div>
                  <strong>{note.name}</strong> · {formatDateTime(note.createdAt)} · {note.author}
                  {note.internal ? ' · internal' : ''}
                  {note.readOnly ? ' · read-only' : ''}
                </div>
                <NoteText text={note.text} />
                {note.url ? (
                  <div>
                    Link:{' '}
                    {note.urlOpenable ? (
                      <ExternalLink url={note.url} trustedHosts={[]} />
                    ) : (
                      <span className="link-refused">{note.url} (not opened: only trusted http(s) links open)</span>
                    )}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
          {state.value.deepLink ? <DeepLink link={state.value.deepLink} /> : null}
          <XoiJobCheck appointmentKey={appointmentKey} />
          <p className="muted">Diagnosed {formatDateTime(state.value.diagnosedAt)}.</p>
        </>
      ) : null}
    </section>
  );
}
