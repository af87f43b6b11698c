import type { VerdictState } from '../../shared/diagnosis/codes';

const LABELS: Record<VerdictState, { icon: string; text: string }> = {
  ok: { icon: '✔', text: 'OK' },
  waiting: { icon: '◔', text: 'Waiting' },
  'needs-action': { icon: '⚠', text: 'Needs action' },
  blocked: { icon: '⊘', text: 'Blocked' },
};

/** A verdict state with an icon and a word, never colour alone. */
export function StateBadge({ state }: { state: VerdictState }) {
  const label = LABELS[state];
  return (
    <span className={`state-badge state-${state}`}>
      <span aria-hidden="true">{label.icon}</span> {label.text}
    </span>
  );
}

export function stateLabel(state: VerdictState): string {
  return LABELS[state].text;
}
