import { useState } from 'react';
import type { AppError, HealthReport } from '../../shared/contract';
import { api } from '../api/client';
import { ErrorMessage } from '../app/ErrorMessage';

/** A new connection's first steps, each ticked when done; gone once all are. */
export function FirstRunChecklist({ checklist }: { checklist: HealthReport['checklist'] }) {
  const [error, setError] = useState<AppError | null>(null);
  if (checklist.every((item) => item.done)) return null;
  const done = checklist.filter((item) => item.done).length;
  const sheet = checklist.find((item) => item.step === 'send-sheet');
  return (
    <section className="checklist" aria-labelledby="checklist-title">
      <h3 id="checklist-title">
        Getting started: {done} of {checklist.length} done
      </h3>
      <ol>
        {checklist.map((item) => (
          <li key={item.step} className={item.done ? 'done' : 'todo'}>
            <span aria-hidden="true">{item.done ? '✓' : '○'}</span> {item.label}
            <span className="visually-hidden">{item.done ? ' (done)' : ' (not done yet)'}</span>
          </li>
        ))}
      </ol>
      {sheet && !sheet.done ? (
        <button
          type="button"
          onClick={() =>
            void api
              .call('setup.markSheetSent', { sent: true })
              .then((result) => setError(result.ok ? null : result.error))
          }
        >
          I have sent the setup sheet to XOi
        </button>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
