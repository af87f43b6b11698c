import type { TimelineEvent, VerdictView as Verdict } from '../../shared/contract';
import { CODES, isVerdictCode } from '../../shared/diagnosis/codes';
import { formatDateTime } from '../app/format';
import { StateBadge } from './StateBadge';
import { TableHead } from './TableHead';

/**
 * The verdict on top: state, one sentence, what to do, the reasons and the evidence with its times. `level` is its
 * heading's level, one below the page's (3 on the detail page, 2 on the printed report), so no level is skipped.
 */
export function VerdictPanel({ verdict, level = 3 }: { verdict: Verdict; level?: 2 | 3 }) {
  const Title = level === 2 ? 'h2' : 'h3';
  const Sub = level === 2 ? 'h3' : 'h4';
  return (
    <section className={`verdict verdict-${verdict.state}`} aria-labelledby="verdict-title">
      <Title id="verdict-title">
        <StateBadge state={verdict.state} /> <span data-testid="verdict-summary">{verdict.summary}</span>
      </Title>
      <p className="next-step">
        <strong>Next step:</strong> {verdict.nextStep}
      </p>
      <Sub>Reasons</Sub>
      <ul className="codes">
        {verdict.codes.map((code) => (
          <li key={code}>
            {isVerdictCode(code) ? CODES[code].title : code}
            {verdict.inferred.includes(code) ? <em> (likely: inferred, not confirmed by XOi)</em> : null}{' '}
            <code className="code-tag">{code}</code>
          </li>
        ))}
      </ul>
      <Sub>Evidence</Sub>
      <table className="data evidence" aria-label="Evidence">
        <TableHead columns={['Fact', 'Value', 'When']} />
        <tbody>
          {verdict.evidence.map((item, index) => (
            <tr key={`${item.label}-${index}`}>
              <td>{item.label}</td>
              <td>{item.value}</td>
              <td>{item.at ? formatDateTime(item.at) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function Timeline({ events }: { events: readonly TimelineEvent[] }) {
  return (
    <ol className="timeline" aria-label="Timeline">
      {events.map((event, index) => (
        <li key={`${event.at}-${index}`} className={`timeline-${event.kind}`}>
          <time dateTime={event.at}>{formatDateTime(event.at)}</time> <strong>{event.title}</strong>{' '}
          <span>{event.detail}</span>
        </li>
      ))}
    </ol>
  );
}
