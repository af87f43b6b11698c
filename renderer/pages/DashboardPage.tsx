import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { VERDICT_STATES } from '../../shared/diagnosis/codes';
import { ErrorMessage } from '../app/ErrorMessage';
import { formatDateTime, formatNumber } from '../app/format';
import { useMirrorQuery } from '../lib/use-mirror';
import { StateBadge } from '../components/StateBadge';
import { TableHead } from '../components/TableHead';
import { FirstRunChecklist } from '../components/FirstRunChecklist';
import { HealthBanners } from '../components/HealthBanners';
import { emptyReason } from '../lib/empty-reason';
import { useHealth } from '../lib/use-health';
import { roundTicks } from '../lib/chart-ticks';

function minutes(value: number | null): string {
  if (value === null) return '—';
  return value < 120 ? `${value} min` : `${Math.round(value / 60)} h`;
}

/** Where the notes stand across all appointments: counts, a funnel, and how long each note takes to arrive. */
export function DashboardPage() {
  const health = useHealth();
  const { state } = useMirrorQuery('dashboard.get', {});
  const intro = (
    <>
      <h2 id="page-title">Dashboard</h2>
      {health ? <HealthBanners conditions={health.conditions} /> : null}
      {health ? <FirstRunChecklist checklist={health.checklist} /> : null}
    </>
  );
  if (state.status !== 'ready') {
    return (
      <section aria-labelledby="page-title" className="dashboard">
        {intro}
        {state.status === 'loading' ? <p role="status">Loading…</p> : <ErrorMessage error={state.error} />}
      </section>
    );
  }
  const dashboard = state.value;
  const total = VERDICT_STATES.reduce((sum, verdictState) => sum + dashboard.counts[verdictState], 0);
  const why = total === 0 ? emptyReason(health) : null;
  // Each stage is a subset of the one before (the engine counts them so).
  const funnel = [
    { stage: 'Appointments', count: dashboard.funnel.appointments },
    { stage: 'Eligible for XOi', count: dashboard.funnel.eligible },
    { stage: 'With job notes', count: dashboard.funnel.jobNotes },
    { stage: 'Then completed', count: dashboard.funnel.completed },
    { stage: 'With Resolution', count: dashboard.funnel.resolution },
    { stage: 'With a transcript', count: dashboard.funnel.transcripts },
  ];
  const funnelTicks = roundTicks(dashboard.funnel.appointments);
  const latencyTicks = roundTicks(
    Math.max(0, ...dashboard.latency.flatMap((row) => [row.siteHistory, row.resolution, row.transcript])),
  );
  return (
    <section aria-labelledby="page-title" className="dashboard">
      {intro}
      <p className="muted">Diagnosed {formatDateTime(dashboard.computedAt)}.</p>
      {total === 0 ? (
        <p className="empty-reason" data-testid="empty-reason">
          No appointments to show. {why ?? 'The Schedule server has no appointments yet.'}
        </p>
      ) : null}
      <div className="cards">
        {VERDICT_STATES.map((verdictState) => (
          <a key={verdictState} className={`card state-${verdictState}`} href={`#/appointments?state=${verdictState}`}>
            <StateBadge state={verdictState} />
            <span className="card-number">{formatNumber(dashboard.counts[verdictState])}</span>
          </a>
        ))}
      </div>
      <div className="charts">
        <figure>
          <figcaption>From appointments to notes</figcaption>
          <div className="chart" aria-hidden="true">
            <ResponsiveContainer width="100%" height={240}>
              <BarChart data={funnel} layout="vertical" margin={{ left: 40 }} accessibilityLayer={false}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" ticks={funnelTicks} domain={[0, funnelTicks.at(-1) ?? 1]} allowDecimals={false} />
                <YAxis type="category" dataKey="stage" width={120} />
                <Tooltip />
                <Bar dataKey="count" name="Appointments" fill="#0b5cad" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <table className="data compact" aria-label="Funnel">
            <tbody>
              {funnel.map((row) => (
                <tr key={row.stage}>
                  <th scope="row">{row.stage}</th>
                  <td>{formatNumber(row.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </figure>
        <figure>
          <figcaption>
            How long the notes take (median: Site History {minutes(dashboard.medians.siteHistoryMinutes)}, Resolution{' '}
            {minutes(dashboard.medians.resolutionMinutes)}, first transcript{' '}
            {minutes(dashboard.medians.transcriptMinutes)})
          </figcaption>
          <div className="chart" aria-hidden="true">
            <ResponsiveContainer width="100%" height={240}>
              <BarChart data={dashboard.latency} accessibilityLayer={false}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="bucket" />
                <YAxis ticks={latencyTicks} domain={[0, latencyTicks.at(-1) ?? 1]} allowDecimals={false} />
                <Tooltip />
                <Legend />
                <Bar dataKey="siteHistory" name="Eligibility → Site History" fill="#0b5cad" isAnimationActive={false} />
                <Bar dataKey="resolution" name="Completion → Resolution" fill="#1a7f37" isAnimationActive={false} />
                <Bar dataKey="transcript" name="Completion → transcript" fill="#9a6700" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <table className="data compact" aria-label="Note latency">
            <TableHead columns={['Delay', 'Site History', 'Resolution', 'Transcript']} />
            <tbody>
              {dashboard.latency.map((row) => (
                <tr key={row.bucket}>
                  <th scope="row">{row.bucket}</th>
                  <td>{row.siteHistory}</td>
                  <td>{row.resolution}</td>
                  <td>{row.transcript}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </figure>
      </div>
    </section>
  );
}
