/** Which XOi notes an appointment has: Site History, Workflow, Resolution, transcripts n of 3, in icons and text. */
export function NotesMatrix({ mask, transcripts }: { mask: number; transcripts: number }) {
  const item = (present: boolean, short: string, name: string) => (
    <span className={present ? 'note-yes' : 'note-no'} title={`${name}: ${present ? 'present' : 'missing'}`}>
      <span aria-hidden="true">{present ? '●' : '○'}</span>
      <span className="note-label">{short}</span>
      <span className="visually-hidden">{`${name} ${present ? 'present' : 'missing'}`}</span>
    </span>
  );
  return (
    <span className="notes-matrix">
      {item((mask & 1) !== 0, 'SH', 'XOi Site History')}
      {item((mask & 2) !== 0, 'WF', 'XOi Workflow')}
      {item((mask & 4) !== 0, 'RES', 'XOi Resolution')}
      <span className={transcripts > 0 ? 'note-yes' : 'note-no'} title={`XOi Transcripts: ${transcripts} of 3`}>
        <span aria-hidden="true">▤</span>
        <span className="note-label">{transcripts}/3</span>
        <span className="visually-hidden">{`XOi Transcripts ${transcripts} of 3`}</span>
      </span>
    </span>
  );
}
