export type SortDirection = 'asc' | 'desc';

/** The aria-sort value of a column header. */
export function ariaSort(active: boolean, direction: SortDirection): 'ascending' | 'descending' | 'none' {
  if (!active) return 'none';
  return direction === 'asc' ? 'ascending' : 'descending';
}

/** A column header's sort control: the label, and an arrow that says the order (the header carries aria-sort). */
export function SortButton(props: { label: string; active: boolean; direction: SortDirection; onClick: () => void }) {
  return (
    <button type="button" className="sort-button" onClick={props.onClick}>
      {props.label}
      <span aria-hidden="true" className="sort-arrow">
        {props.active ? (props.direction === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
      </span>
    </button>
  );
}
