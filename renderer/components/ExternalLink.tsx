import { checkExternalUrl } from '../../shared/links/external-url';

/**
 * A link out of the console: rendered as a link only when the URL policy allows it (http/https, trusted hosts);
 * anything else is shown as plain text, never as a clickable link.
 */
export function ExternalLink({
  url,
  trustedHosts = [],
  children,
}: {
  url: string;
  trustedHosts?: readonly string[];
  children?: string;
}) {
  const check = checkExternalUrl(url, trustedHosts);
  if (!check.ok) {
    return (
      <span className="link-refused" title={`Not a link: ${check.reason}`}>
        {children ?? url}
      </span>
    );
  }
  return (
    <a href={check.url} target="_blank" rel="noopener noreferrer">
      {children ?? url}
    </a>
  );
}
