import { useState } from 'react';
import type { AppError, SyncStatus } from '../../shared/contract';
import { api } from '../api/client';
import { ErrorMessage } from '../app/ErrorMessage';
import { formatDateTime, formatNumber } from '../app/format';
import { useMirrorQuery } from '../lib/use-mirror';
import { SyncIndicator } from '../components/SyncIndicator';
import { RebuildMirrorButton } from '../components/RebuildMirrorButton';
import { TableHead } from '../components/TableHead';
import { HealthBanners } from '../components/HealthBanners';
import { useHealth } from '../lib/use-health';

const MIRROR_PROBLEMS = new Set(['MIRROR_CORRUPT', 'MIRROR_TOO_NEW', 'MIRROR_OPEN_FAILED']);

function StatusPanel({ status }: { status: SyncStatus | null }) {
  if (!status) return null;
  if (status.state === 'error' && MIRROR_PROBLEMS.has(status.code)) {
    return (
      <>
        <ErrorMessage
          title="The local mirror cannot be used"
          error={{ code: status.code, message: status.message, nextStep: status.nextStep }}
        />
        <RebuildMirrorButton primary />
      </>
    );
  }
  if (status.state === 'error' || status.state === 'needs-credentials') {
    return (
      <ErrorMessage
        title={status.state === 'needs-credentials' ? 'Sync stopped' : 'Sync problem'}
        error={{
          code: status.code,
          message: status.message,
          nextStep: `${status.nextStep}${status.state === 'error' && status.nextRetryAt ? ` Next attempt ${formatDateTime(status.nextRetryAt)}.` : ''}`,
        }}
      />
    );
  }
  return (
    <dl className="facts">
      <dt>State</dt>
      <dd>
        <SyncIndicator status={status} />
      </dd>
      <dt>Last successful sync</dt>
      <dd>{formatDateTime(status.lastSuccessAt)}</dd>
      {status.state === 'idle' ? (
        <>
          <dt>Next sync</dt>
          <dd>{formatDateTime(status.nextRunAt)}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** The poller: its state, its runs, its errors with their next step, and the controls. */
export function ActivityPage({ status }: { status: SyncStatus | null }) {
  const runs = useMirrorQuery('sync.runs', { limit: 50 });
  const [actionError, setActionError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const worst = useHealth()?.conditions[0];

  const act = async (method: 'sync.now' | 'sync.pause' | 'sync.resume') => {
    setBusy(true);
    const result = await api.call(method, {});
    setBusy(false);
    setActionError(result.ok ? null : result.error);
    runs.reload();
  };

  return (
    <section aria-labelledby="page-title">
      <h2 id="page-title">Activity</h2>
      {worst ? <HealthBanners conditions={[worst]} /> : null}
      <StatusPanel status={status} />
      <div className="row">
        <button
          type="button"
          className="primary"
          onClick={() => void act('sync.now')}
          disabled={busy || status?.state === 'running'}
        >
          Sync now
        </button>
        {status?.state === 'paused' ? (
          <button type="button" onClick={() => void act('sync.resume')}>
            Resume
          </button>
        ) : (
          <button type="button" onClick={() => void act('sync.pause')}>
            Pause
          </button>
        )}
      </div>
      {actionError ? <ErrorMessage error={actionError} /> : null}
      <h3>Recent runs</h3>
      {runs.state.status === 'error' ? <ErrorMessage error={runs.state.error} /> : null}
      {runs.state.status === 'ready' ? (
        <>
          <table className="data" aria-label="Recent sync runs">
            <TableHead columns={['Started', 'Ended', 'Outcome', 'Rows changed', 'Problem']} />
            <tbody>
              {runs.state.value.runs.map((run) => (
                <tr key={run.id}>
                  <td>{formatDateTime(run.startedAt)}</td>
                  <td>{formatDateTime(run.endedAt)}</td>
                  <td>{run.outcome}</td>
                  <td>
                    {['appointments', 'notes', 'history']
                      .map((feed) =>
                        run.rows[feed]
                          ? `${feed} ${formatNumber(run.rows[feed].upserted)}${run.rows[feed].deleted ? ` / -${formatNumber(run.rows[feed].deleted)}` : ''}${run.rows[feed].rejected ? ` (${run.rows[feed].rejected} rejected)` : ''}`
                          : null,
                      )
                      .filter(Boolean)
                      .join(', ') || '—'}
                  </td>
                  <td>{run.errorMessage ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {runs.state.value.rejected.length > 0 ? (
            <>
              <h3>Rows the console could not store</h3>
              <table className="data" aria-label="Rejected rows">
                <TableHead columns={['Seen', 'Feed', 'Row', 'Reason']} />
                <tbody>
                  {runs.state.value.rejected.map((row, index) => (
                    <tr key={`${row.seenAt}-${index}`}>
                      <td>{formatDateTime(row.seenAt)}</td>
                      <td>{row.feed}</td>
                      <td>{row.item}</td>
                      <td>{row.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
