import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { formatNumber } from '../app/format';
import { matchingChoices, type Choice } from '../lib/matching-choices';

/**
 * A filter for a long list (thousands of technicians): a combobox (ARIA 1.2, list autocomplete) whose popup shows at
 * most `maxShown` matches, so the page holds a few dozen nodes instead of one per choice. The first option is always
 * "All" (value ''). Typing narrows, the arrows move, Enter chooses, Escape closes and puts the choice back.
 */
export function SearchableSelect(props: {
  label: string;
  value: string;
  choices: readonly Choice[];
  onChange: (value: string) => void;
  allLabel?: string;
  maxShown?: number;
}) {
  const { label, value, choices, onChange } = props;
  const allLabel = props.allLabel ?? 'All';
  const id = useId();
  const listId = `${id}-list`;
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const selected = choices.find((choice) => choice.value === value);
  const shown = useMemo(
    () => matchingChoices(choices, open ? query : '', props.maxShown ?? 50),
    [choices, open, query, props.maxShown],
  );
  // "All" first, then the matches: what the arrows step through.
  const options: Choice[] = [{ value: '', label: allLabel }, ...shown.items];

  // While typing, the first match is the one Enter takes; otherwise "All".
  const openWith = (text: string) => {
    setQuery(text);
    setActive(text.trim() ? 1 : 0);
    setOpen(true);
  };
  const current = Math.min(active, options.length - 1);
  const close = () => {
    setOpen(false);
    setQuery('');
  };
  useEffect(() => {
    if (open) document.getElementById(`${id}-option-${current}`)?.scrollIntoView({ block: 'nearest' });
  }, [open, current, id]);
  const choose = (choice: Choice) => {
    close();
    if (choice.value !== value) onChange(choice.value);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) return openWith('');
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + options.length) % options.length);
    } else if (event.key === 'Enter' && open) {
      event.preventDefault();
      const choice = options[current];
      if (choice) choose(choice);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      close();
    }
  };

  return (
    <div className="field inline searchable-select">
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        ref={input}
        id={`${id}-input`}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${id}-option-${current}` : undefined}
        aria-describedby={open ? `${id}-status` : undefined}
        autoComplete="off"
        placeholder={allLabel}
        value={open ? query : (selected?.label ?? '')}
        onChange={(event) => openWith(event.target.value)}
        onClick={() => (open ? undefined : openWith(''))}
        onKeyDown={onKeyDown}
        onBlur={close}
      />
      <div className="searchable-select-popup" hidden={!open}>
        <ul id={listId} role="listbox" aria-label={label}>
          {open
            ? options.map((choice, index) => (
                <li
                  key={choice.value}
                  id={`${id}-option-${index}`}
                  role="option"
                  aria-selected={choice.value === value}
                  className={index === current ? 'active' : undefined}
                  // Chosen on mouse down, before the input's blur closes the list.
                  onMouseDown={(event) => {
                    event.preventDefault();
                    choose(choice);
                    input.current?.focus();
                  }}
                >
                  {choice.label}
                </li>
              ))
            : null}
        </ul>
        <p id={`${id}-status`} className="searchable-select-status" role="status">
          {open ? matchesText(shown.total, shown.items.length) : ''}
        </p>
      </div>
    </div>
  );
}

function matchesText(total: number, shown: number): string {
  if (total === 0) return 'No matches.';
  if (shown < total) return `${formatNumber(shown)} of ${formatNumber(total)} shown: type to narrow.`;
  return total === 1 ? '1 match.' : `${formatNumber(total)} matches.`;
}
