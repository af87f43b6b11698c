import { memo, useId, useMemo } from 'react';
import type { AppointmentFilter, ExportFormat } from '../../../shared/contract';
import { VERDICT_STATES } from '../../../shared/diagnosis/codes';
import { formatNumber } from '../../app/format';
import { useMirrorQuery } from '../../lib/use-mirror';
import { SearchableSelect } from '../../components/SearchableSelect';
import { stateLabel } from '../../components/StateBadge';

export const FilterBar = memo(function FilterBar(props: {
  filter: AppointmentFilter;
  counts: Record<string, number>;
  /** The counts are an estimate (a broad search, the exact ones on their way). */
  estimated: boolean;
  onChange: (filter: AppointmentFilter) => void;
  /** Takes every narrowing off (the deleted list stays the deleted list). */
  onClear: () => void;
  onExport: (format: ExportFormat) => void;
  exporting: ExportFormat | null;
  /** Why the dates cannot be used (shown at To); null when they can. */
  rangeError: string | null;
}) {
  const options = useMirrorQuery('appointments.filterOptions', {});
  const id = useId();
  const { filter, onChange } = props;
  const single = (values: readonly string[]) => values[0] ?? '';
  const select = (
    label: string,
    value: string,
    onSelect: (value: string) => void,
    choices: Array<{ value: string; label: string }>,
  ) => (
    <div className="field inline">
      <label htmlFor={`${id}-${label}`}>{label}</label>
      <select id={`${id}-${label}`} value={value} onChange={(event) => onSelect(event.target.value)}>
        <option value="">All</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
  const ready = options.state.status === 'ready' ? options.state.value : null;
  const companyChoices = useMemo(() => labelledChoices(ready?.companies ?? []), [ready]);
  const technicianChoices = useMemo(() => labelledChoices(ready?.technicians ?? []), [ready]);
  return (
    <div className="filter-bar" role="search">
      <div className="field inline grow">
        <label htmlFor={`${id}-search`}>Search</label>
        <input
          id={`${id}-search`}
          type="search"
          placeholder="Service call, appointment, technician or customer"
          value={filter.search}
          onChange={(event) => onChange({ ...filter, search: event.target.value })}
        />
      </div>
      <div className="state-chips" role="group" aria-label="Filter by state">
        {VERDICT_STATES.map((state) => {
          const pressed = filter.states.includes(state);
          return (
            <button
              key={state}
              type="button"
              aria-pressed={pressed}
              className={`chip state-${state}`}
              onClick={() =>
                onChange({
                  ...filter,
                  states: pressed ? filter.states.filter((s) => s !== state) : [...filter.states, state],
                })
              }
            >
              {stateLabel(state)}{' '}
              <span className="chip-count">
                {props.estimated ? (
                  <>
                    <span aria-hidden="true">≈</span>
                    <span className="visually-hidden">about </span>
                  </>
                ) : null}
                {formatNumber(props.counts[state] ?? 0)}
              </span>
            </button>
          );
        })}
      </div>
      {select(
        'Reason',
        single(filter.codes),
        (value) => onChange({ ...filter, codes: value ? [value] : [] }),
        (ready?.codes ?? [])
          .filter((code) => code.count > 0)
          .map((code) => ({ value: code.code, label: `${code.title} (${code.count})` })),
      )}
      <SearchableSelect
        label="Company"
        value={single(filter.companies)}
        onChange={(value) => onChange({ ...filter, companies: value ? [value] : [] })}
        choices={companyChoices}
      />
      <SearchableSelect
        label="Technician"
        value={single(filter.technicians)}
        onChange={(value) => onChange({ ...filter, technicians: value ? [value] : [] })}
        choices={technicianChoices}
      />
      <div className="field inline">
        <label htmlFor={`${id}-from`}>From</label>
        <input
          id={`${id}-from`}
          type="date"
          value={filter.from ?? ''}
          onChange={(event) => onChange({ ...filter, from: event.target.value || null })}
        />
      </div>
      <div className="field inline">
        <label htmlFor={`${id}-to`}>To</label>
        <input
          id={`${id}-to`}
          type="date"
          value={filter.to ?? ''}
          aria-invalid={props.rangeError ? true : undefined}
          aria-describedby={props.rangeError ? `${id}-to-error` : undefined}
          onChange={(event) => onChange({ ...filter, to: event.target.value || null })}
        />
      </div>
      <div className="field inline checkbox">
        <input
          id={`${id}-deleted`}
          type="checkbox"
          checked={filter.deleted}
          onChange={(event) => onChange({ ...filter, deleted: event.target.checked })}
        />
        <label htmlFor={`${id}-deleted`}>Deleted after their Vision job</label>
      </div>
      <button type="button" onClick={props.onClear}>
        Clear filters
      </button>
      <button type="button" onClick={() => props.onExport('csv')} disabled={props.exporting !== null}>
        {props.exporting === 'csv' ? 'Exporting…' : 'Export CSV'}
      </button>
      <button type="button" onClick={() => props.onExport('xlsx')} disabled={props.exporting !== null}>
        {props.exporting === 'xlsx' ? 'Exporting…' : 'Export Excel'}
      </button>
      {props.rangeError ? (
        <p id={`${id}-to-error`} className="field-error range-error" role="alert">
          {props.rangeError}
        </p>
      ) : null}
    </div>
  );
});

/** "Name (id)": the id tells apart two people or companies of the same name. */
function labelledChoices(entries: ReadonlyArray<{ id: string; name: string }>) {
  return entries.map((entry) => ({ value: entry.id, label: `${entry.name} (${entry.id})` }));
}
