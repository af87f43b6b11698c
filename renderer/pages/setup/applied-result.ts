import { useCallback, useState } from 'react';
import { setupResultSchema, type SetupResult } from '../../../shared/contract';

const KEY = 'xoi-console.setup-applied';

function read(): SetupResult | null {
  try {
    const parsed = setupResultSchema.safeParse(JSON.parse(sessionStorage.getItem(KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The outcome of the last Apply, kept for this window's session (it holds no secret) until the administrator dismisses
 * it: printing the sheet or visiting another page must not lose the "tell XOi" warning or the sandbox's send button.
 */
export function useAppliedResult() {
  const [result, setResult] = useState<SetupResult | null>(read);
  const keep = useCallback((next: SetupResult) => {
    sessionStorage.setItem(KEY, JSON.stringify(next));
    setResult(next);
  }, []);
  const dismiss = useCallback(() => {
    sessionStorage.removeItem(KEY);
    setResult(null);
  }, []);
  return { result, keep, dismiss };
}
