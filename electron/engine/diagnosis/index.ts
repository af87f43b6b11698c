/** The entry point of electron/engine/diagnosis/: what is used from outside the folder (its tests import through here). */
export { buildContext, loadMirrorFacts } from './load-facts';
export {
  ALL_TOUCHED,
  planVerdictUpdate,
  recomputeAllVerdicts,
  refreshVerdicts,
  type PassChanges,
} from './recompute-verdicts';
export { verdictSettingsFrom } from './verdict-settings';
