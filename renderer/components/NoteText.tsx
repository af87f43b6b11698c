import { useState } from 'react';
import { formatNumber } from '../app/format';

/** Longer notes are cut here until asked for: laying out a megabyte of text holds the page for seconds. */
export const NOTE_PREVIEW_CHARACTERS = 10_000;

/** A note's text, rendered as text (never HTML); a very long one shows its beginning and a button for the rest. */
export function NoteText({ text }: { text: string }) {
  const [whole, setWhole] = useState(false);
  if (whole || text.length <= NOTE_PREVIEW_CHARACTERS) return <div className="note-text">{text}</div>;
  return (
    <div className="note-text">
      {text.slice(0, NOTE_PREVIEW_CHARACTERS)}…
      <div>
        <button type="button" onClick={() => setWhole(true)}>
          Show the whole note ({formatNumber(text.length)} characters)
        </button>
      </div>
    </div>
  );
}
