import { STATE_MEANINGS, VERDICT_STATES } from '../../shared/diagnosis/codes';
import { XOI_NOTES } from '../../shared/domain/notes';
import { NotesMatrix } from './NotesMatrix';
import { StateBadge } from './StateBadge';

const NOTE_SHORT: Record<string, string> = {
  'XOi Site History': 'SH',
  'XOi Workflow': 'WF',
  'XOi Resolution': 'RES',
};

/** What the list's State and XOi notes columns mean, from the same tables the diagnosis uses. */
export function ListLegend() {
  const notes = XOI_NOTES.filter((note) => note.kind !== 'transcript');
  const transcript = XOI_NOTES.find((note) => note.kind === 'transcript');
  return (
    <details className="legend">
      <summary>What the states and the notes column mean</summary>
      <div className="legend-body">
        <dl aria-label="States">
          {VERDICT_STATES.map((state) => (
            <div key={state} className="legend-item">
              <dt>
                <StateBadge state={state} />
              </dt>
              <dd>{STATE_MEANINGS[state]}</dd>
            </div>
          ))}
        </dl>
        <dl aria-label="XOi notes">
          {notes.map((note) => (
            <div key={note.name} className="legend-item">
              <dt>
                <abbr title={note.name}>{NOTE_SHORT[note.name]}</abbr>
              </dt>
              <dd>
                {note.name}: {note.holds}
                {note.internal ? ' (an internal note)' : ''}.
              </dd>
            </div>
          ))}
          {transcript ? (
            <div className="legend-item">
              <dt>n/3</dt>
              <dd>XOi Transcripts: {transcript.holds}; up to three, hours after completion.</dd>
            </div>
          ) : null}
          <div className="legend-item">
            <dt>
              <NotesMatrix mask={1} transcripts={0} />
            </dt>
            <dd>A filled dot: the note is there. An empty one: it is not (yet).</dd>
          </div>
        </dl>
      </div>
    </details>
  );
}
