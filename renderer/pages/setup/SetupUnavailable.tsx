import type { SetupState } from '../../../shared/contract';
import { PrerequisiteList } from './Prerequisites';

/** Schedule hides the Integrations tab when See is not registered; the console says why instead of hiding it. */
export function SetupUnavailable({ state }: { state: SetupState }) {
  return (
    <section aria-labelledby="setup-unavailable">
      <h3 id="setup-unavailable">The XOi Integration Setup is not available</h3>
      <p className="notice" role="status">
        The See feature is not registered for MobileTech on this server, so Schedule hides the XOi Integration Setup
        (the Integrations tab) and XOi cannot be connected. Register See for MobileTech with WennSoft, then come back to
        this page.
      </p>
      <PrerequisiteList items={state.prerequisites} />
    </section>
  );
}
