/** Integration Details: what Schedule shows on its Integrations tab, read-only. */
export function IntegrationStep({ apiUrl, signatureVersion }: { apiUrl: string; signatureVersion: string }) {
  return (
    <>
      <div className="field">
        <label htmlFor="api-url">API URL</label>
        <input id="api-url" value={apiUrl} readOnly />
      </div>
      <div className="field">
        <label htmlFor="signature-version">Signature Version</label>
        <input id="signature-version" value={signatureVersion} readOnly />
      </div>
    </>
  );
}
