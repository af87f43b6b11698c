import { formatNumber } from '../app/format';

/**
 * "Showing 101–200 of 2,020 technicians" with Previous and Next: a long table shows one page of rows, so the screen
 * holds a few hundred nodes whatever the count.
 */
export function Pager(props: {
  label: string;
  noun: string;
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  /** Whether the range is announced (one pager of a pair: the other repeats it below the table, silently). */
  announce?: boolean;
}) {
  const { page, pageSize, total } = props;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : page * pageSize + 1;
  const last = Math.min(total, (page + 1) * pageSize);
  return (
    <nav className="pager" aria-label={props.label}>
      <span role={props.announce === false ? undefined : 'status'}>
        {total === 0
          ? `No ${props.noun}`
          : `Showing ${formatNumber(first)}–${formatNumber(last)} of ${formatNumber(total)} ${props.noun}`}
      </span>
      {pages > 1 ? (
        <>
          <button type="button" disabled={page === 0} onClick={() => props.onPage(page - 1)}>
            Previous
          </button>
          <button type="button" disabled={page >= pages - 1} onClick={() => props.onPage(page + 1)}>
            Next
          </button>
        </>
      ) : null}
    </nav>
  );
}
