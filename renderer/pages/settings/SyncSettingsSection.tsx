import { useState } from 'react';
import { profileSettingsSchema, type AppError, type SettingsView } from '../../../shared/contract';
import { STATUS_CATEGORIES, type StatusCategory } from '../../../shared/domain/statuses';
import {
  DOCUMENTED_MINIMUMS,
  PRODUCT_NAMES,
  VERSIONED_PRODUCTS,
  type VersionedProduct,
  type VersionMinimums,
} from '../../../shared/domain/versions';
import { api } from '../../api/client';
import { ErrorMessage } from '../../app/ErrorMessage';
import { Field } from '../../components/Field';
import { TableHead } from '../../components/TableHead';

type NumberField = 'syncIntervalMinutes' | 'pollDelayMinutes' | 'transcriptWindowHours' | 'deletedKeptDays';

/** The poller's interval, the diagnosis thresholds and the status category mapping. */
export function SyncSettingsSection({ view, onSaved }: { view: SettingsView; onSaved: (view: SettingsView) => void }) {
  const [numbers, setNumbers] = useState<Record<NumberField, string>>({
    syncIntervalMinutes: String(view.settings.syncIntervalMinutes),
    pollDelayMinutes: String(view.settings.pollDelayMinutes),
    transcriptWindowHours: String(view.settings.transcriptWindowHours),
    deletedKeptDays: String(view.settings.deletedKeptDays),
  });
  const [overrides, setOverrides] = useState<Record<string, StatusCategory>>(view.settings.statusOverrides);
  const [versions, setVersions] = useState<VersionMinimums>(view.settings.supportedVersions);
  const [customerName, setCustomerName] = useState(view.settings.customerName);
  const [errors, setErrors] = useState<Partial<Record<NumberField | VersionedProduct | 'customerName', string>>>({});
  const [saveError, setSaveError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);

  const save = async () => {
    const candidate = {
      syncIntervalMinutes: Number(numbers.syncIntervalMinutes),
      pollDelayMinutes: Number(numbers.pollDelayMinutes),
      transcriptWindowHours: Number(numbers.transcriptWindowHours),
      deletedKeptDays: Number(numbers.deletedKeptDays),
      customerName,
      statusOverrides: overrides,
      supportedVersions: versions,
    };
    const parsed = profileSettingsSchema.safeParse(candidate);
    const next: Partial<Record<NumberField | VersionedProduct | 'customerName', string>> = {};
    for (const field of Object.keys(numbers) as NumberField[]) {
      if (!/^\d+$/.test(numbers[field].trim())) next[field] = 'Enter a whole number.';
    }
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = (issue.path[0] === 'supportedVersions' ? issue.path[1] : issue.path[0]) as
          NumberField | VersionedProduct | 'customerName';
        next[field] ??= `This ${issue.message}.`;
      }
    }
    setErrors(next);
    setSaved(false);
    if (Object.keys(next).length > 0 || !parsed.success) return;
    const result = await api.call('settings.save', parsed.data);
    if (!result.ok) return setSaveError(result.error);
    setSaveError(null);
    setSaved(true);
    onSaved(result.value);
  };

  const number = (field: NumberField, label: string, hint: string) => (
    <Field
      label={label}
      inputMode="numeric"
      value={numbers[field]}
      onChange={(event) => setNumbers((current) => ({ ...current, [field]: event.target.value }))}
      error={errors[field] ?? null}
      hint={hint}
    />
  );

  return (
    <form
      aria-labelledby="sync-settings-title"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      noValidate
    >
      <h3 id="sync-settings-title">Sync and diagnosis</h3>
      {number(
        'syncIntervalMinutes',
        'Sync interval (minutes)',
        'How often the console reads changes from Schedule (1 to 1440).',
      )}
      {number(
        'pollDelayMinutes',
        'Expected XOi polling delay (minutes)',
        'How long XOi may take to write notes after an appointment is ready (1 to 1440).',
      )}
      {number(
        'transcriptWindowHours',
        'Transcript window (hours)',
        'How long after completion transcripts may still arrive (1 to 168).',
      )}
      {number(
        'deletedKeptDays',
        'Keep deleted appointments (days)',
        'How long an appointment deleted in Schedule after XOi made its Vision job stays under "Deleted", so its job can be cleaned up in Vision (1 to 365).',
      )}
      <Field
        label="Customer name on the setup sheet"
        value={customerName}
        onChange={(event) => setCustomerName(event.target.value)}
        error={errors.customerName ?? null}
        hint="Printed as the customer on the sheet for XOi. Empty: the server's company names are printed."
      />
      <h4 id="versions-title">Versions XOi supports</h4>
      <p>
        The oldest version of each product the diagnosis and the setup accept. The defaults are WennSoft's documented
        prerequisites; change them only when WennSoft or XOi says a version is supported.
      </p>
      {VERSIONED_PRODUCTS.map((product) => (
        <Field
          key={product}
          label={`Oldest supported ${PRODUCT_NAMES[product]} version`}
          value={versions[product]}
          onChange={(event) => setVersions((current) => ({ ...current, [product]: event.target.value }))}
          error={errors[product] ?? null}
          hint={`Documented: ${DOCUMENTED_MINIMUMS[product]} or later.`}
        />
      ))}
      <h4 id="status-title">Status categories</h4>
      <p>Statuses are a lookup list each customer edits; the diagnosis reads them through their category.</p>
      <table className="data" aria-labelledby="status-title">
        <TableHead columns={['Status', 'Category from the server', 'Category used']} />
        <tbody>
          {view.statuses.map((status) => (
            <tr key={status.name}>
              <td>{status.name}</td>
              <td>{status.serverCategory ?? 'none'}</td>
              <td>
                <select
                  aria-label={`Category for ${status.name}`}
                  value={Object.hasOwn(overrides, status.name) ? (overrides[status.name] ?? '') : ''}
                  onChange={(event) =>
                    setOverrides((current) => {
                      const next = { ...current };
                      if (event.target.value === '') delete next[status.name];
                      else next[status.name] = event.target.value as StatusCategory;
                      return next;
                    })
                  }
                >
                  <option value="">
                    {status.serverCategory ? `As the server says (${status.serverCategory})` : 'Choose a category'}
                  </option>
                  {STATUS_CATEGORIES.map((category) => (
                    <option key={category} value={category}>
                      {category}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <button type="submit" className="primary">
          Save settings
        </button>
        {saved ? <span role="status">Saved.</span> : null}
      </div>
      {saveError ? <ErrorMessage error={saveError} /> : null}
    </form>
  );
}
