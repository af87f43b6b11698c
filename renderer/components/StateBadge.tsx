import { STATE_LABELS, type VerdictState } from '../../shared/diagnosis/codes';

const ICONS: Record<VerdictState, string> = { ok: '✔', waiting: '◔', 'needs-action': '⚠', blocked: '⊘' };

/** A verdict state with an icon and a word, never colour alone. */
export function StateBadge({ state }: { state: VerdictState }) {
  return (
    <span className={`state-badge state-${state}`}>
      <span aria-hidden="true">{ICONS[state]}</span> {STATE_LABELS[state]}
    </span>
  );
}

export function stateLabel(state: VerdictState): string {
  return STATE_LABELS[state];
}
