/**
 * XOi Vision deep links, as XOi's deep-linking guide describes them (marked aspirational by XOi):
 * xoi-vision://activity/view?payload=<URL-encoded JSON>&returnTo=<URL-encoded link>, where the payload is
 * {"jobId": "..."} or {"integrationEntityId": {"id": "...", "namespace": "..."}} (namespace at least 10 characters).
 */
export type DeepLinkTarget = { jobId: string } | { integrationEntityId: { id: string; namespace: string } };

export function visionViewLink(target: DeepLinkTarget, returnTo?: string): string {
  if ('integrationEntityId' in target && target.integrationEntityId.namespace.length < 10) {
    throw new Error('The integration namespace must be at least 10 characters.');
  }
  const payload = encodeURIComponent(JSON.stringify(target));
  return `xoi-vision://activity/view?payload=${payload}${returnTo ? `&returnTo=${encodeURIComponent(returnTo)}` : ''}`;
}

/** The Vision job id in an XOi note's link (…/jobactivity/<jobId> or …/jobs/<jobId>), if there is one. */
export function jobIdFromNote(text: string | null | undefined): string | null {
  if (!text) return null;
  const match = /\/(?:jobactivity|jobs)\/(cjob-[A-Za-z0-9-]{8,120}|[A-Za-z0-9-]{8,120})/.exec(text);
  return match?.[1] ?? null;
}

/**
 * The integrationEntityId namespace the WennSoft-XOi integration uses for its jobs is not published (XOi requires at
 * least 10 characters, the same for every job of one integration). The sandbox's XOi uses this value; the console
 * looks jobs up by it, and falls back to the work order lookup when it does not match.
 */
export const JOB_NAMESPACE = 'wennsoft-schedule-sandbox';
